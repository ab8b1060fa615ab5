"""Benchmark corpora: the dev articles, and event-free news paragraphs made from templates.

The realistic stream mixes every dev article (``../shared/eval/dev/*.jsonl``, read at run
time, never copied) with nine event-free paragraphs per article, generated here from
templates in four beats of ordinary news: sports results, weather, markets and company
earnings, culture; each paragraph is about one city (a venue, a forecast area, a dateline).
About one document in ten can hold an event, as in a general news feed
(most wire copy is not about visits, agreements, trade figures, deportations or strikes).
The paragraphs use real-looking names (clubs, cities, companies, stock indices) and the
words that make a naive filter stumble ("deal", "talks", "travel", "strike", "exports").

The natural-mix corpus (``news``) is every shared gold article, train and dev, as it is:
real wire and newspaper copy, most of it event-free.

The memory corpus is 100,000 *short* documents: one-sentence event-free items and, one in
ten, a one-sentence event (a visit, agreement, trade figure, deportation or strike) between
states drawn from a list.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

Doc = tuple[str, str | None]
"""A benchmark document: its text and its publication date (ISO) or ``None``."""

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEV = EVAL / "dev"
TRAIN = EVAL / "train"

CLUBS = [
    "Arsenal", "Everton", "Celtic", "Rangers", "Juventus", "Ajax", "Benfica", "Porto",
    "Real Madrid", "Bayern Munich", "Inter Milan", "Boca Juniors", "the Lakers", "the Celtics",
    "the Yankees", "the Red Sox", "Leinster", "the Crusaders", "Galatasaray", "Olympiacos",
]
CITIES = [
    "Manchester", "Glasgow", "Turin", "Amsterdam", "Lisbon", "Munich", "Milan", "Boston",
    "Chicago", "Melbourne", "Auckland", "Dublin", "Leeds", "Lyon", "Seville", "Osaka",
]
PLAYERS = [
    "Silva", "Kowalski", "Okafor", "Martinez", "Jensen", "O'Neill", "Tanaka", "Dubois",
    "Moreno", "Hughes", "Novak", "Fischer", "Rossi", "Andersen", "Mensah", "Costa",
]
COMPANIES = [
    "Acme Holdings", "Northwind Traders", "Globex", "Initech", "Vandelay Industries",
    "Stark Retail", "Umbrella Pharma", "Pioneer Steel", "Bluewater Foods", "Helios Energy",
    "Summit Bank", "Crescent Airlines", "Orbit Telecom", "Harbor Logistics",
]
INDICES = [
    "the FTSE 100", "the Dow Jones industrial average", "the Nikkei", "the DAX",
    "the S&P 500", "the Hang Seng", "the CAC 40", "the Nasdaq composite",
]
ARTISTS = [
    "Maria Lindqvist", "Tom Okoro", "the Riverside Quartet", "Ana Ferreira", "James Whitlow",
    "the Northern Ballet", "Kenji Mori", "Claire Dumont", "the Halcyon Players",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

SPORTS = [
    "{club} beat {club2} {a}-{b} on {day}, with {player} scoring twice in the second half.",
    "{club} came from behind to draw {a}-{a} with {club2} in {city} on {day}.",
    "{player} was sent off after {m} minutes, and {club} held on with ten men for the win.",
    "The coach said his side had lacked intensity and would travel to {city} looking for a "
    "response.",
    "{club} are {n} points clear at the top of the table with {k} games left to play.",
    "{player}, who joined in a {n} million deal last summer, has now scored {k} goals in "
    "all competitions.",
    "Contract talks with {player} are continuing, the club said, and a new deal is expected "
    "before the end of the season.",
    "{club}'s strike partnership of {player} and {player2} has produced {k} goals this season.",
    "The attacking midfielder limped off with a hamstring injury and is likely to miss the "
    "trip to {city}.",
    "A crowd of {big} watched the match, the biggest at the ground since it reopened.",
]
WEATHER = [
    "Heavy rain is expected across {city} on {day}, with up to {n} mm in places.",
    "Temperatures will climb to {t} degrees by {day} as high pressure builds.",
    "Forecasters warned of strong winds gusting to {g} km/h along the coast overnight.",
    "A band of snow moved in early on {day}, closing several mountain roads.",
    "The storm is expected to head north-east and weaken by the weekend, the weather service "
    "said.",
    "Drivers were advised to travel only if necessary while the fog lingers.",
    "The driest spring in {k} years has left reservoirs at {p} percent of capacity.",
    "Thunderstorms hit parts of {city} in the afternoon, causing brief flooding.",
]
MARKETS = [
    "{index} closed {p}.{q} percent higher on {day}, led by technology shares.",
    "Shares in {company} fell {p} percent after it reported quarterly earnings below "
    "forecasts.",
    "{company} said quarterly profit rose {p} percent to {n} million dollars on strong demand.",
    "{company} agreed a deal to buy a smaller rival for {n} million dollars, it said on {day}.",
    "Oil prices edged lower as traders weighed rising inventories, with crude down {q}0 cents "
    "a barrel.",
    "The yield on the ten-year note slipped to its lowest level in {k} weeks.",
    "Analysts expect {company} to raise its dividend when it reports full-year results in "
    "{city} next month.",
    "Exports of the company's flagship product rose {p} percent, helped by a weaker currency.",
    "Talks between {company} and its unions over pay are due to resume on {day}.",
]
CULTURE = [
    "{artist}'s new novel follows three sisters over a single summer in {city}.",
    "The exhibition at the {city} museum brings together {n} early photographs.",
    "{artist} will tour {k} cities next spring, with the opening night in {city}.",
    "Critics praised the production's staging but found the second act overlong.",
    "The festival, now in its {k}th year, sold out within hours of tickets going on sale.",
    "{artist} won the prize for a debut album recorded in a converted barn.",
    "The director said the film had taken {k} years to finance and a single summer to shoot.",
    "The orchestra's visit to {city} was postponed after the conductor fell ill.",
]
BEATS = [SPORTS, WEATHER, MARKETS, CULTURE]


def _fill(template: str, rng: random.Random, city: str | None = None) -> str:
    club, club2 = rng.sample(CLUBS, 2)
    player, player2 = rng.sample(PLAYERS, 2)
    return template.format(
        club=club, club2=club2, player=player, player2=player2, city=city or rng.choice(CITIES),
        day=rng.choice(DAYS), company=rng.choice(COMPANIES), index=rng.choice(INDICES),
        artist=rng.choice(ARTISTS), a=rng.randint(0, 4), b=rng.randint(0, 3),
        m=rng.randint(10, 89), n=rng.randint(2, 90), k=rng.randint(2, 30),
        big=f"{rng.randint(20, 90)},{rng.randint(100, 999)}", t=rng.randint(18, 38),
        g=rng.randint(60, 130), p=rng.randint(1, 9), q=rng.randint(1, 9),
    ).replace("the Lakers's", "the Lakers'")


def event_free_paragraph(rng: random.Random) -> str:
    """One news-style paragraph of three to five sentences from one beat, about one city."""
    beat = rng.choice(BEATS)
    sentences = rng.sample(beat, rng.randint(3, 5))
    city = rng.choice(CITIES)
    text = " ".join(_fill(s, rng, city) for s in sentences)
    return text[0].upper() + text[1:]


def dev_articles(dev: Path = DEV) -> list[Doc]:
    """Every dev article (text, published) under ``dev``; empty when absent."""
    docs: list[Doc] = []
    for path in sorted(dev.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                docs.append((record["text"], record.get("published")))
    return docs


def news_articles(*folders: Path) -> list[Doc]:
    """The natural-mix stream: every shared gold article (train and dev) as it is, in file order.

    Real wire and newspaper copy, most of it event-free: the documents a user running bilat
    over an archive actually meets, with no synthetic paragraphs added.
    """
    return [doc for folder in folders for doc in dev_articles(folder)]


def stream(articles: list[Doc], per_article: int = 9, seed: int = 7) -> list[Doc]:
    """The realistic stream: each article plus ``per_article`` event-free paragraphs, shuffled."""
    rng = random.Random(seed)
    docs = list(articles)
    for _ in range(len(articles) * per_article):
        docs.append((event_free_paragraph(rng), f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"))
    rng.shuffle(docs)
    return docs


def dense(articles: list[Doc], repeats: int = 2) -> list[Doc]:
    """The event-dense corpus: the dev articles, ``repeats`` times."""
    return list(articles) * repeats


STATES = [
    ("Pakistan", "Pakistani", "Islamabad"), ("India", "Indian", "New Delhi"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"),
    ("Turkey", "Turkish", "Ankara"), ("Egypt", "Egyptian", "Cairo"),
    ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"),
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("Iran", "Iranian", "Tehran"), ("Israel", "Israeli", "Jerusalem"),
    ("Lebanon", "Lebanese", "Beirut"), ("Afghanistan", "Afghan", "Kabul"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Mexico", "Mexican", "Mexico City"),
]
SHORT_EVENTS = [
    "The {d1} foreign minister arrived in {c2} on {day} for talks on trade and security.",
    "{s1} and {s2} signed an agreement on energy cooperation in {c1} on {day}.",
    "{s1}'s exports to {s2} rose to {n} billion dollars last year, officials said.",
    "{s1} deported {big} {d2} migrants last month, the interior ministry said.",
    "{d1} aircraft struck targets inside {s2} overnight, killing at least {k} people.",
]


def short_documents(n: int, seed: int = 11) -> Iterator[Doc]:
    """``n`` one-sentence documents, one in ten holding an event (the memory corpus)."""
    rng = random.Random(seed)
    for i in range(n):
        if i % 10 == 0:
            (s1, d1, c1), (s2, d2, c2) = rng.sample(STATES, 2)
            text = rng.choice(SHORT_EVENTS).format(
                s1=s1, d1=d1, c1=c1, s2=s2, d2=d2, c2=c2, day=rng.choice(DAYS),
                n=rng.randint(2, 60), big=f"{rng.randint(1, 9)},{rng.randint(100, 999)}",
                k=rng.randint(2, 40),
            )
        else:
            text = _fill(rng.choice(rng.choice(BEATS)), rng)
        yield text, "2024-05-1" + str(rng.randint(0, 9))
