"""What was struck: the target states of a strike and the place named for each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.strike.phrases import (
    _light_verb_of,
    _mentions_in,
    _phrase_tokens,
    _verbal_trigger,
)
from bilat.event_types.strike.records import (
    _Target,
)
from bilat.event_types.strike.words import (
    CONTEXT_NOUNS,
    FORCES_KINDS,
    HARM_VERBS,
    NAME_JOINERS,
    NON_PLACE_ENTS,
    PLACE_NOUNS,
    REFERENCE_WORDS,
    TARGET_PREPS,
    TERRITORY_KINDS,
    VESSEL_NOUNS,
    _words,
)
from bilat.syntax.agents import (
    modified_noun,
)
from bilat.syntax.arguments import conjuncts
from bilat.syntax.clauses import is_passive
from bilat.values import Place

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _target_phrases(trigger: Trigger, attacker_token: Token | None) -> list[Token]:
    """Noun phrases that can name the target, most direct first."""
    head = trigger.head
    out: list[Token] = []
    if _verbal_trigger(trigger):
        launched = bool(trigger.entry.extra.get("needs_weapon"))  # its object is a weapon
        if is_passive(head) and not launched:
            out += [c for c in head.children if c.dep_ == "nsubjpass"]
            described = modified_noun(head)  # "a convoy struck by a Turkish missile"
            if described is not None and not any(c.dep_ == "nsubjpass"
                                                 for c in head.children):
                out.append(described)
        elif not launched:
            out += [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        else:  # "launched drones at Israel": the target hangs from the weapon
            for weapon in (c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}):
                for each in conjuncts(weapon):
                    out += [t for t in _preps(each) if t.head.lower_ != "of"]
            if trigger.entry.id in {"cross_into", "fire_on", "shoot_down", "open_fire",
                                    "wage_war"}:
                out += [t for t in head.doc[trigger.start:trigger.end + 1]
                        if t.dep_ == "pobj" and t.head.i == trigger.end - 1]
        out += _preps(head)
    else:
        out += _preps(head)
        light = _light_verb_of(head)
        if light is not None:
            out += _preps(light)
            if head.dep_ == "nsubjpass" or head.dep_ == "nsubj":
                out += [c for c in light.children if c.dep_ in {"dobj", "obj"}]
        elif head.dep_ in {"nsubj"} and head.head.pos_ == "VERB":
            out += _preps(head.head)
            verb = head.head
            words = _words()
            if verb.lower_ in words.killed | words.injured | HARM_VERBS:
                # "strikes killed 12 people in eastern Syria": where the victims were
                out += [t for o in verb.children if o.dep_ in {"dobj", "obj"}
                        for t in _preps(o)]
    if attacker_token is not None:
        out += _preps(attacker_token)
    expanded: list[Token] = []
    for token in out:
        for each in conjuncts(token):
            if each not in expanded:
                expanded.append(each)
    return expanded


def _preps(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word in TARGET_PREPS:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"} and obj.lower_ not in CONTEXT_NOUNS:
                    out.append(obj)
        elif child.dep_ == "prep" and any(g.lower_ == "of" and g.dep_ == "prep"
                                          for g in child.children):
            pass
        # "east of Sidon", "north of the border"
        for grand in child.children:
            if grand.dep_ == "prep" and grand.lower_ == "of" and child.lower_ in {
                    "east", "west", "north", "south", "outside", "inside", "near", "off"}:
                out.extend(o for o in grand.children if o.dep_ == "pobj")
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in {"east", "west", "north", "south",
                                                       "northeast", "northwest", "southeast",
                                                       "southwest"}:
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ == "of":
                    out.extend(o for o in grand.children if o.dep_ == "pobj")
    return out


def _location_name(context: DocumentContext, tokens: list[Token],
                   mention: ActorMention) -> str | None:
    """The named place inside a target phrase ("Paktika", "Ouadi Doum", "Darb al-Sim")."""
    if mention.kind in {"place", "capital"}:
        return mention.text
    doc = context.doc
    indices = {t.i for t in tokens}
    for ent in context.entities:
        if ent.label_ in {"GPE", "LOC", "FAC"} and ent.start in indices:
            other = context.actor_at(ent.start)
            if other is not None and other.kind in {"country", "demonym"}:
                continue
            name = ent.text
            if name.lower().startswith("the "):
                name = name[4:]
            return name
    for token in sorted(tokens, key=lambda t: t.i):
        if token.pos_ == "PROPN" and token.dep_ == "compound" and \
                context.actor_at(token.i) is None:
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in {
                    "compound", "amod"} and context.actor_at(start - 1) is None:
                start -= 1
            return str(doc[start:token.i + 1].text)
    return None


def _is_reference(token: Token, hops: int = 6) -> bool:
    """A place reached only as a reference point ("east of Sidon", "south of the port town
    of Tyre"), rather than named as where the strike fell."""
    current = token
    for _ in range(hops):
        if current.dep_ == "pobj" and current.head.lower_ == "of" and \
                current.head.head.lower_ in REFERENCE_WORDS:
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _named_by_place_noun(token: Token) -> bool:
    """A name a place noun vouches for, whatever the NER made of it: "the town of Gulbub",
    "Lavan island"."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and \
            token.head.head.lower_ in PLACE_NOUNS:
        return True
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head != token:
        token = token.head  # "Kafr" in "the Kafr Asad area"
    return token.dep_ == "compound" and token.head.lower_ in PLACE_NOUNS


def _unresolved_place(context: DocumentContext, tokens: list[Token]) -> str | None:
    """A place name the actor resolver does not know ("Kharg", "Darb al-Sim"): a GPE, LOC
    or FAC entity in the phrase, else a proper noun that no entity claims for a person,
    group or organisation."""
    doc = context.doc
    indices = {t.i for t in tokens}
    for ent in context.entities:
        if ent.label_ in {"GPE", "LOC", "FAC"} and ent.start in indices and \
                context.actor_at(ent.start) is None:
            name = ent.text
            return name[4:] if name.lower().startswith("the ") else name
    for token in sorted(tokens, key=lambda t: t.i):
        if token.pos_ != "PROPN" or context.actor_at(token.i) is not None or \
                not token.text[:1].isupper():
            continue
        if token.ent_type_ in NON_PLACE_ENTS and not _named_by_place_noun(token):
            continue
        start = token.i  # "Gaza City": the name a known place begins
        while start - 1 in indices and doc[start - 1].pos_ == "PROPN" and \
                doc[start - 1].dep_ == "compound" and doc[start - 1].head.i >= token.i:
            start -= 1
        end = token.i + 1
        while end < len(doc) and end in indices:
            if doc[end].pos_ == "PROPN":
                end += 1
            elif doc[end].text in NAME_JOINERS and end + 1 < len(doc) and \
                    end + 1 in indices and doc[end + 1].pos_ == "PROPN":
                end += 2  # "Darb al-Sim", "Tel el-Kebir"
            else:
                break
        return str(doc[start:end].text)
    return None


def _targets(context: DocumentContext, phrases: list[Token], weak: bool) -> list[_Target]:
    """Target states named by the target phrases (see the module docstring).

    A target with no named place of its own takes a place the actor resolver cannot place
    ("hit south of Kharg", "assault on Zarqa") from another target phrase of the same
    trigger; a place reached only as a reference point ("east of Sidon") is marked so."""
    words = _words()
    territorial: list[_Target] = []
    demonyms: list[_Target] = []
    loose = _loose_place(context, phrases)
    settled: Token | None = None
    for phrase in phrases:
        if settled is not None and phrase not in settled.conjuncts:
            break  # after the first territorial phrase, only its conjuncts ("Syria and Iraq")
        if settled is not None and phrase.lower_ not in words.targets | words.ships:
            own = context.actor_at(phrase.i)
            if own is None or own.kind not in TERRITORY_KINDS:
                continue  # a list running on past the targets: "Libya, the oil slump"
        named = context.actor_at(phrase.i)
        # a phrase that is a name needs no apposition ("Libya, the Chernobyl disaster"); a
        # place may sit deep in it ("the village of Um al-Keif in Tal Tamer, Hasakeh, Syria")
        tokens = _phrase_tokens(phrase, 6,
                            appos=named is None or named.kind not in TERRITORY_KINDS)
        mentions = _mentions_in(context, tokens)
        reference = _is_reference(phrase)
        head_word = phrase.lower_
        if head_word in words.ships or any(  # "an Iranian consulate building"
                c.dep_ == "compound" and c.lower_ in words.ships and c.i < phrase.i
                for c in phrase.children):
            flag = [m for m in mentions if m.kind in FORCES_KINDS
                    and m.start <= phrase.i and m.end <= phrase.i + 1]
            modifiers = [m for m in flag if any(
                context.actor_at(c.i) == m for c in phrase.subtree if c.i < phrase.i)]
            if modifiers:
                return [_with_loose_place(_Target(modifiers[0], None), loose)]
        if weak and head_word not in words.targets | words.ships and not any(
                m.start <= phrase.i < m.end and m.kind in TERRITORY_KINDS for m in mentions):
            # "struck Hezbollah in Lebanon", "strikes against militias in Iraq and Syria":
            # a hit whose object is no place is located by the object's "in" phrase
            located = [t for p in phrase.children if p.dep_ == "prep" and p.lower_ in {
                "in", "inside"} for o in p.children if o.dep_ == "pobj"
                for c in conjuncts(o) for t in c.subtree]
            if not any(m.kind in TERRITORY_KINDS and m.start <= t.i < m.end
                       for m in _mentions_in(context, located) for t in located):
                continue
            tokens = located
            mentions = _mentions_in(context, tokens)
        found = [m for m in mentions if m.kind in TERRITORY_KINDS]
        if found:
            # the named place first: "Afghanistan's Paktika province" is located at Paktika
            found.sort(key=lambda m: m.kind == "country")
            for mention in found:
                if all(t.mention.country != mention.country for t in territorial):
                    name = _location_name(context, tokens, mention)
                    place = Place(name=name, country=mention.country) if name else None
                    territorial.append(_Target(mention, place, reference or _is_reference(
                        context.doc[mention.start])))
            settled = phrase if settled is None else settled
            continue
        for mention in mentions:
            if mention.kind in {"demonym", "body"} and \
                    all(t.mention.country != mention.country for t in demonyms):
                name = _location_name(context, tokens, mention)
                place = Place(name=name, country=mention.country) if name else None
                demonyms.append(_Target(mention, place, reference))
    if territorial:
        # a named place richer than the bare country ("Paktika" over "Afghanistan")
        out: list[_Target] = []
        for target in territorial:
            if target.location is None:
                richer = next((t for t in territorial
                               if t.location is not None
                               and t.mention.country == target.mention.country), None)
                if richer is not None:
                    target = _Target(target.mention, richer.location, richer.reference)
            out.append(_with_loose_place(target, loose))
        return out
    return [_with_loose_place(t, loose) for t in demonyms[:1]]


def _possessed_target(context: DocumentContext, phrases: list[Token],
                      attacker: str) -> list[_Target]:
    """A target named only by "its"/"their" ("accused India of firing into its territory",
    "shelled their border posts"): the state named last before it in the sentence, other
    than the attacker."""
    words = _words()
    for phrase in phrases:
        if phrase.lower_ not in words.targets | words.ships:
            continue
        if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in phrase.children):
            continue
        before = [m for m in context.actors.within(phrase.sent.start, phrase.i)
                  if m.kind in {"country", "capital", "body"} and m.country != attacker]
        if before:
            return [_Target(before[-1], None)]
    return []


def _loose_place(context: DocumentContext, phrases: list[Token]) -> tuple[str, bool] | None:
    """The first unresolved place named by a target phrase, and whether it is only a
    reference point; a place named outright beats an earlier reference point."""
    found: tuple[str, bool] | None = None
    for phrase in phrases:
        reference = _is_reference(phrase)
        if found is not None and (reference or not found[1]):
            continue
        # "the tanker Avaj" names a ship, not a place
        tokens = [t for t in _phrase_tokens(phrase) if not _vessel_name(t)]
        name = _unresolved_place(context, tokens)
        if name is not None:
            found = (name, reference)
    return found


def _vessel_name(token: Token) -> bool:
    """A proper noun naming a vessel: next to a vessel word ("the tanker Avaj", "the Avaj
    tanker", "the supertanker Khark-5")."""
    if token.pos_ != "PROPN":
        return False
    doc = token.doc
    for step in (-1, 1):
        i = token.i + step
        while 0 <= i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].text == "-"):
            i += step
        if 0 <= i < len(doc) and doc[i].lower_ in VESSEL_NOUNS:
            return True
    return False


def _with_loose_place(target: _Target, loose: tuple[str, bool] | None) -> _Target:
    """``target`` located at an unresolved place when it has none (or only a reference
    point while the loose place is not one); the country stays the target state's."""
    if loose is None:
        return target
    name, reference = loose
    if target.location is None or (target.reference and not reference):
        return _Target(target.mention, Place(name=name, country=target.mention.country),
                       reference)
    return target
