"""The project's backbone table: news sentences in, expected claim rows out.

Every row runs through the full pipeline (`extract_claims(Article(text=sentence))`) and is
compared on mention, value, low, high, qualifier, unit and change, and on counted and category
where the row gives them. One place to read what the parser does; one place to add a case.

Documented choices (DESIGN.md conventions, the quantities issue where they differ):
- intervals: "about N" is [0.9N, 1.1N]; "nearly/almost N" is approximate [0.9N, N]; "just
  under N" is less_than [0.9N, N]; "up to N" and "less than N" keep 0 as the floor;
  "several hundred" is 200-900; "hundreds" 100-1000; "dozens" 12-120.
- ages ARE figures, with unit "year of age" (the issue lists "a 45-year-old" as a unit);
- "one of the soldiers" (pronoun "one") is not a figure;
- the level reached right after a movement ("rose to 2.5%", "may soar to nearly 1,000") carries
  the movement's change (DESIGN.md); after an amount ("rose 5% to $84") only the amount does,
  and the starting level ("down from 26%") never does (a "may" goes to `hedged`);
- a fraction counts what it is a fraction of ("a third of the population": `population`);
- a count per period or per head keeps its counted noun and takes the rate as its unit
  ("500,000 cars a year": counted `cars`, unit `per year`);
- "from 208 to 193" is one range row with change decrease (a movement down), low/high sorted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from dashboard.extract import extract_claims
from dashboard.models import Article

ANY = object()  # a field the row does not check


@dataclass
class Example:
    sentence: str
    rows: list[dict[str, Any]] = field(default_factory=list)


def fig(
    mention: str,
    value: float | None,
    qualifier: str = "exact",
    low: Any = ANY,
    high: Any = ANY,
    unit: str | None = None,
    counted: Any = ANY,
    change: str | None = None,
    category: Any = ANY,
    qualifier_text: Any = ANY,
) -> dict[str, Any]:
    """An expected claim; an exact figure's low and high default to its value."""
    if qualifier == "exact":
        low = value if low is ANY else low
        high = value if high is ANY else high
    return {
        "mention": mention, "value": value, "qualifier": qualifier, "low": low, "high": high,
        "unit": unit, "counted": counted, "change": change, "category": category,
        "qualifier_text": qualifier_text,
    }


# The bundled article's figures, one sentence at a time (quantity fields only).
ARTICLE = [
    Example(
        "SEOUL: Alarming reports indicate that over 100 North Koreans, sent to aid Russia’s "
        "military campaign in Ukraine, have died since entering combat last December.",
        [fig("over 100", 100, "more_than", low=100, high=None, counted="North Koreans",
             category="killed", qualifier_text="over")],
    ),
    Example(
        "In a controversial move, North Korea has deployed thousands of troops to support "
        "Russia’s war effort.",
        [fig("thousands", 5500, "vague", low=1000, high=10000, counted="troops", category="troops")],
    ),
    Example(
        "'In December, these troops engaged in actual combat, resulting in at least 100 "
        "fatalities,' Lee emphasized.",
        [fig("at least 100", 100, "at_least", low=100, high=None, counted="fatalities",
             category="killed", qualifier_text="at least")],
    ),
    Example(
        "South Korea’s National Intelligence Service (NIS) has predicted that the number of "
        "injured troops may soar to nearly 1,000.",
        [fig("nearly 1,000", 1000, "approximate", low=900, high=1000, counted="injured troops",
             category="wounded", qualifier_text="nearly", change="increase")],
    ),
    Example(
        "U.S. military officials noted that North Korean forces have incurred 'several hundred' "
        "casualties in recent confrontations with Ukrainian troops.",
        [fig("several hundred", 550, "vague", low=200, high=900, counted="casualties",
             category="casualties", qualifier_text="several hundred")],
    ),
    Example(
        "Since Russia's invasion of Ukraine in February 2022, military cooperation has "
        "accelerated, a briefing said on Thursday.",
        [],
    ),
    Example(
        "A spokesperson accused ten nations and the European Union of slandering its ties.",
        [fig("ten", 10, counted="nations", qualifier_text=None)],
    ),
]

# Casualty counts with bounds and hedges, and their categories.
CASUALTIES = [
    Example(
        "At least 23 civilians were killed in the overnight strike, officials said.",
        [fig("At least 23", 23, "at_least", low=23, high=None, counted="civilians",
             category="killed")],
    ),
    Example(
        "More than 1,200 soldiers have been wounded since the offensive began.",
        [fig("More than 1,200", 1200, "more_than", low=1200, high=None, counted="soldiers",
             category="wounded")],
    ),
    Example(
        "The attack left about 40 people injured.",
        [fig("about 40", 40, "approximate", low=36, high=44, counted="people",
             category="wounded")],
    ),
    Example(
        "Up to 300 fighters may have been captured near the river.",
        [fig("Up to 300", 300, "at_most", low=0, high=300, counted="fighters",
             category="captured")],
    ),
    Example(
        "Fewer than 50 hostages remain unaccounted for.",
        [fig("Fewer than 50", 50, "less_than", low=0, high=50, counted="hostages",
             category="captured")],
    ),
    Example(
        "Almost 2,000 residents were evacuated from the flooded district.",
        [fig("Almost 2,000", 2000, "approximate", low=1800, high=2000, counted="residents",
             category="displaced")],
    ),
    Example(
        "An estimated 15,000 people are missing after the earthquake.",
        [fig("An estimated 15,000", 15000, "approximate", low=13500, high=16500,
             counted="people", category="missing")],
    ),
    Example(
        "The ministry reported 312 deaths and 1,045 injuries on Sunday.",
        [fig("312", 312, counted="deaths", category="killed"),
         fig("1,045", 1045, counted="injuries", category="wounded")],
    ),
    Example(
        "Dozens of protesters were detained by police.",
        [fig("Dozens", 66, "vague", low=12, high=120, counted="protesters", category="captured")],
    ),
    Example(
        "Hundreds of families have fled the fighting.",
        [fig("Hundreds", 550, "vague", low=100, high=1000, counted="families",
             category="displaced")],
    ),
    Example(
        "Tens of thousands of refugees crossed the border last week.",
        [fig("Tens of thousands", 55000, "vague", low=10000, high=100000, counted="refugees",
             category="displaced")],
    ),
    Example(
        "Hundreds of thousands of people lost power.",
        [fig("Hundreds of thousands", 550000, "vague", low=100000, high=1000000,
             counted="people")],
    ),
    Example(
        "Some 70 militants were killed in the raid, the army said.",
        [fig("Some 70", 70, "approximate", low=63, high=77, counted="militants",
             category="killed")],
    ),
    Example(
        "The death toll rose to 57.",
        [fig("57", 57, category="killed", change="increase")],
    ),
    Example(
        "Russia has lost upwards of 3,000 tanks, analysts estimate.",
        [fig("upwards of 3,000", 3000, "more_than", low=3000, high=None, counted="tanks",
             category="weapons")],
    ),
    Example(
        "In excess of 400 drones were launched overnight.",
        [fig("In excess of 400", 400, "more_than", low=400, high=None, counted="drones",
             category="weapons")],
    ),
    Example(
        "As many as 90 sailors were aboard the vessel.",
        [fig("As many as 90", 90, "at_most", low=0, high=90, counted="sailors",
             category="troops")],
    ),
    Example(
        "No more than 12 officers were on duty.",
        [fig("No more than 12", 12, "at_most", low=0, high=12, counted="officers")],
    ),
    Example(
        "Roughly 600 firefighters battled the blaze.",
        [fig("Roughly 600", 600, "approximate", low=540, high=660, counted="firefighters")],
    ),
    Example(
        "Just under 900 people were hospitalised.",
        [fig("Just under 900", 900, "less_than", low=810, high=900, counted="people",
             category="wounded")],
    ),
]

# Money: symbols, codes, names, scale suffixes and words, conversions in brackets.
MONEY = [
    Example(
        "The government pledged $4bn in new aid.",
        [fig("$4bn", 4e9, unit="USD", category="money")],
    ),
    Example(
        "The club paid £1.2m for the striker.",
        [fig("£1.2m", 1.2e6, unit="GBP", category="money")],
    ),
    Example(
        "The budget is €3.8 billion this year.",
        [fig("€3.8 billion", 3.8e9, unit="EUR", category="money")],
    ),
    Example(
        "Exports reached 12 billion euros in March.",
        [fig("12 billion euros", 12e9, unit="EUR", category="money")],
    ),
    Example(
        "The miner is valued at A$2.5 billion.",
        [fig("A$2.5 billion", 2.5e9, unit="AUD", category="money")],
    ),
    Example(
        "Tickets cost US$45 each.",
        [fig("US$45", 45, unit="USD", category="money")],
    ),
    Example(
        "The flat sold for HK$12.6m last month.",
        [fig("HK$12.6m", 12.6e6, unit="HKD", category="money")],
    ),
    Example(
        "Fines of up to 10 million Australian dollars were proposed.",
        [fig("up to 10 million Australian dollars", 10e6, "at_most", low=0, high=10e6,
             unit="AUD", category="money")],
    ),
    Example(
        "The deal is worth USD250m to the province.",
        [fig("USD250m", 250e6, unit="USD", category="money")],
    ),
    Example(
        "Traders priced the contract at 150 JPY.",
        [fig("150 JPY", 150, unit="JPY", category="money")],
    ),
    Example(
        "The startup raised 5k dollars from friends.",
        [fig("5k dollars", 5000, unit="USD", category="money")],
    ),
    Example(
        "Oil settled at $82.40 per barrel.",
        [fig("$82.40 per barrel", 82.4, unit="USD per barrel", category="money")],
    ),
    Example(
        "Rents average $2,100 a month in the city.",
        [fig("$2,100 a month", 2100, unit="USD per month", category="money")],
    ),
    Example(
        "The transfer fee was €140m (£115m).",
        [fig("€140m", 140e6, unit="EUR"), fig("£115m", 115e6, unit="GBP")],
    ),
    Example(
        "The company lost more than €140m (£115m) last year.",
        [fig("more than €140m", 140e6, "more_than", low=140e6, high=None, unit="EUR"),
         fig("£115m", 115e6, "more_than", low=115e6, high=None, unit="GBP")],
    ),
    Example(
        "Each shareholder gets 35 cents per share.",
        [fig("35 cents per share", 35, unit="cent per share", category="money")],
    ),
    Example(
        "The fund manages 2.5 trillion yen.",
        [fig("2.5 trillion yen", 2.5e12, unit="JPY", category="money")],
    ),
    Example(
        "The ministry set aside 5 million pounds for repairs.",
        [fig("5 million pounds", 5e6, unit="GBP", category="money")],
    ),
    Example(
        "He was fined 1,200€ by the court.",
        [fig("1,200€", 1200, unit="EUR", category="money")],
    ),
    Example(
        "The unit reported a loss of -$2.3m.",
        [fig("-$2.3m", -2.3e6, unit="USD", category="money")],
    ),
    Example(
        "Congress passed a $1.5-trillion package.",
        [fig("$1.5-trillion", 1.5e12, unit="USD", category="money")],
    ),
    Example(
        "The chipmaker's shares rose to NT$520.",
        [fig("NT$520", 520, unit="TWD", category="money", change="increase")],
    ),
    Example(
        "The refinery cost a billion dollars to build.",
        [fig("a billion dollars", 1e9, unit="USD", category="money")],
    ),
]

# Percentages, percentage points, basis points and fractions.
PERCENT = [
    Example(
        "Turnout was 64% in the capital.",
        [fig("64%", 64, unit="percent", category="percent")],
    ),
    Example(
        "Inflation reached 7.5 per cent in June.",
        [fig("7.5 per cent", 7.5, unit="percent", category="percent")],
    ),
    Example(
        "Support fell by 3 percentage points.",
        [fig("3 percentage points", 3, unit="percentage point", change="decrease",
             category="percent")],
    ),
    Example(
        "The bank raised rates by 25 basis points.",
        [fig("25 basis points", 25, unit="basis point", change="increase")],
    ),
    Example(
        "Half of the respondents disagreed.",
        [fig("Half", 0.5, unit="fraction", category="percent")],
    ),
    Example(
        "Two-thirds of the villages have no power.",
        [fig("Two-thirds", 2 / 3, unit="fraction", category="percent")],
    ),
    Example(
        "A third of the budget goes to defence.",
        [fig("A third", 1 / 3, unit="fraction", category="percent")],
    ),
    Example(
        "About 3/4 of the staff work remotely.",
        [fig("About 3/4", 0.75, "approximate", low=0.675, high=0.825, unit="fraction")],
    ),
    Example(
        "One in five adults smokes.",
        [fig("One in five", 0.2, unit="fraction", category="percent")],
    ),
    # a rating is not a ratio: only a whole number starts "N out of M"
    Example(
        "Reviewers gave it 4.7 out of 5 stars.",
        [fig("4.7", 4.7), fig("5", 5, counted="stars")],
    ),
    Example(
        "Nine out of 10 doctors agreed.",
        [fig("Nine out of 10", 0.9, unit="fraction", counted="doctors")],
    ),
    Example(
        "Three quarters of voters backed the plan.",
        [fig("Three quarters", 0.75, unit="fraction")],
    ),
    Example(
        "The Fed cut rates by half a point.",
        [fig("half a point", 0.5, unit="point", change="decrease")],
    ),
    Example("Voters queued for half an hour.", [fig("half an hour", 0.5, unit="hour")]),
    # a fraction counts what it is a fraction of, a singular noun included
    Example(
        "A quarter of the population is over 65.",
        [fig("A quarter", 0.25, unit="fraction", counted="population", category="percent"),
         fig("over 65", 65, "more_than", low=65, high=None)],
    ),
    Example(
        "Half the country voted for the plan.",
        [fig("Half", 0.5, unit="fraction", counted="country")],
    ),
    Example(
        "Nearly two-thirds of the combined 9,000 members agreed.",
        [fig("Nearly two-thirds", 2 / 3, "approximate", unit="fraction", counted="members"),
         fig("9,000", 9000, counted="members")],
    ),
    Example(
        "The firm holds a 43.4 percent-owned stake.",
        [fig("43.4 percent-owned", 43.4, unit="percent")],
    ),
    Example(
        "Unemployment stands at 4.2pc.",
        [fig("4.2pc", 4.2, unit="percent")],
    ),
    Example(
        "The error rate is .5 per cent.",
        [fig(".5 per cent", 0.5, unit="percent")],
    ),
]

# Number words, compounds, scale words and abbreviations, negatives.
NUMBERS = [
    Example("Twenty-five journalists signed the letter.",
            [fig("Twenty-five", 25, counted="journalists")]),
    Example("The city has two and a half million residents.",
            [fig("two and a half million", 2.5e6, counted="residents")]),
    Example("The army recruited a hundred volunteers.",
            [fig("a hundred", 100, counted="volunteers")]),
    Example("Nearly two dozen ships were damaged.",
            [fig("Nearly two dozen", 24, "approximate", low=21.6, high=24, counted="ships",
                 category="weapons")]),
    Example("A dozen journalists were present.",
            [fig("A dozen", 12, counted="journalists")]),
    Example("The war has displaced 6.5m people.",
            [fig("6.5m", 6.5e6, counted="people", category="displaced")]),
    Example("The region has 1.2m inhabitants.",
            [fig("1.2m", 1.2e6, counted="inhabitants")]),
    Example("The country has 3.8 billion barrels in reserves.",
            [fig("3.8 billion barrels", 3.8e9, unit="barrel")]),
    Example("Temperatures fell to -12 overnight.",
            [fig("-12", -12, change="decrease")]),
    Example("The poll's margin of error is plus or minus 3 percentage points.",
            [fig("3 percentage points", 3, unit="percentage point")]),
    Example("The app has 5k users.",
            [fig("5k", 5000, counted="users")]),
    Example("There were 4 hundred million subscribers.",
            [fig("4 hundred million", 4e8, counted="subscribers")]),
    Example("Two hundred and fifty delegates attended.",
            [fig("Two hundred and fifty", 250, counted="delegates")]),
    Example("The census counted 1,307,000 households.",
            [fig("1,307,000", 1307000, counted="households")]),
    Example("The road is 2½ miles long.",
            [fig("2½ miles", 2.5, unit="mile")]),
    Example("The mass is approximately 6.0×10−3 kilograms.",
            [fig("approximately 6.0×10−3 kilograms", 0.006, "approximate", low=0.0054,
                 high=0.0066, unit="kg")]),
]

# Ranges: dashes, "to", "between … and", "from … to" (kept as a movement), scale sharing.
RANGES = [
    Example("Between 20 and 30 boats were seen.",
            [fig("Between 20 and 30", 25, "range", low=20, high=30, counted="boats",
                 qualifier_text=None)]),
    Example("The storm brought 20-30 cm of snow.",
            [fig("20-30 cm", 25, "range", low=20, high=30, unit="cm")]),
    Example("Officials expect 20 to 30 arrests.",
            [fig("20 to 30", 25, "range", low=20, high=30, counted="arrests",
                 category="captured")]),
    Example("His weight dropped from 208 to 193 pounds.",
            [fig("from 208 to 193 pounds", 200.5, "range", low=193, high=208, unit="lb",
                 change="decrease")]),
    Example("The crowd was estimated at 1 to 2 thousand people.",
            [fig("1 to 2 thousand", 1500, "range", low=1000, high=2000, counted="people")]),
    Example("Analysts forecast a loss of $3 billion to $5 billion.",
            [fig("$3 billion to $5 billion", 4e9, "range", low=3e9, high=5e9, unit="USD")]),
    Example("Shares are priced between $62 and $68 per share.",
            [fig("between $62 and $68 per share", 65, "range", low=62, high=68,
                 unit="USD per share", category="money")]),
    Example("Analysts see growth of 5% to 6% a year.",
            [fig("5% to 6%", 5.5, "range", low=5, high=6, unit="percent")]),
    # "rise by 5% to 6%" is ambiguous; read as an amount, then the level reached.
    Example("Prices are forecast to rise by 5% to 6%.",
            [fig("5%", 5, unit="percent", change="increase"), fig("6%", 6, unit="percent")]),
    Example("The trip takes three or four days.",
            [fig("three or four days", 3.5, "range", low=3, high=4, unit="day")]),
    Example("Temperatures of 15–22 degrees Celsius are forecast.",
            [fig("15–22 degrees Celsius", 18.5, "range", low=15, high=22, unit="celsius")]),
    Example("Fuel economy climbed from 21 mpg combined to 25 for the hybrid.",
            [fig("from 21 mpg combined to 25", 23, "range", low=21, high=25, unit="mpg",
                 change="increase")]),
    Example("The coin fell from $41,200 at 9pm to $39,800 by dawn.",
            [fig("from $41,200 at 9pm to $39,800", 40500, "range", low=39800, high=41200,
                 unit="USD", change="decrease")]),
    Example("The queue grew from 5 voters in the first hour, to a crowd at noon.",
            [fig("5", 5, counted="voters")]),
    Example("The jobless rate is down from 12 to 9 per cent.",
            [fig("from 12 to 9 per cent", 10.5, "range", low=9, high=12, unit="percent",
                 change="decrease")]),
    # lists: a unit written once at the end belongs to every item
    Example("Turnout was 45, 50 and 61 per cent in the three rounds.",
            [fig("45", 45, unit="percent"), fig("50", 50, unit="percent"),
             fig("61 per cent", 61, unit="percent"), fig("three", 3, counted="rounds")]),
    Example("Rates of 2%, 3% and 4% were tested.",
            [fig("2%", 2, unit="percent"), fig("3%", 3, unit="percent"),
             fig("4%", 4, unit="percent")]),
    Example("Cooking takes ~25 – 40min.",
            [fig("~25 – 40min", 32.5, "range", low=25, high=40, unit="minute",
                 qualifier_text="~")]),
    Example("The scheme costs $89 to $93 billion.",
            [fig("$89 to $93 billion", 91e9, "range", low=89e9, high=93e9, unit="USD")]),
]

# Changes: movements and additions; the starting and the reached level are not changes.
CHANGES = [
    Example("Sales rose 5% in the quarter.",
            [fig("5%", 5, unit="percent", change="increase")]),
    Example("Output fell by a third after the strike.",
            [fig("a third", 1 / 3, unit="fraction", change="decrease")]),
    Example("The index was up 3 points at the close.",
            [fig("3 points", 3, unit="point", change="increase")]),
    Example("Shares were down 2.3% before the bell.",
            [fig("2.3%", 2.3, unit="percent", change="decrease")]),
    Example("The stock climbed 9.4 per cent to $84.",
            [fig("9.4 per cent", 9.4, unit="percent", change="increase"),
             fig("$84", 84, unit="USD")]),
    Example("The rate is down from 26% a year ago.",
            [fig("26%", 26, unit="percent")]),
    # the level a hedged movement may reach moves too (its hedge goes to `hedged`)
    Example("Casualties may climb to nearly 800.",
            [fig("nearly 800", 800, "approximate", low=720, high=800, counted=None,
                 change="increase")]),
    # a level reached after an adverb; a level reached by an object of "raise" is no movement
    Example("Inflation climbed sharply to 2.5% in May.",
            [fig("2.5%", 2.5, unit="percent", change="increase")]),
    Example("The firm raised its forecast to $5bn.",
            [fig("$5bn", 5e9, unit="USD", category="money")]),
    Example("They drove to 30 towns.",
            [fig("30", 30, counted="towns")]),
    Example("The council approved an extra $800m for schools.",
            [fig("$800m", 800e6, unit="USD", change="increase")]),
    # an addition after a movement verb moves the verb's way
    Example("Shares fell a further 2% on Monday.",
            [fig("2%", 2, unit="percent", change="decrease")]),
    Example("Prices dropped an additional 5%.",
            [fig("5%", 5, unit="percent", change="decrease")]),
    Example("The Pentagon will send 1,000 more troops.",
            [fig("1,000", 1000, counted="troops", change="increase", category="troops")]),
    Example("Exports dropped 7% to $2.3 billion.",
            [fig("7%", 7, unit="percent", change="decrease"),
             fig("$2.3 billion", 2.3e9, unit="USD")]),
    Example("The Dow gained 1.1% while the Nasdaq lost 0.4%.",
            [fig("1.1%", 1.1, unit="percent", change="increase"),
             fig("0.4%", 0.4, unit="percent", change="decrease")]),
    Example("Prices rose 0.3% month-on-month and 4.1% year-on-year.",
            [fig("0.3%", 0.3, unit="percent", change="increase"),
             fig("4.1%", 4.1, unit="percent", change="increase")]),
    Example("Sales rose 2% while margins were 3%.",
            [fig("2%", 2, unit="percent", change="increase"), fig("3%", 3, unit="percent")]),
    Example("Apple was down 1.9%, Microsoft by 2.1%.",
            [fig("1.9%", 1.9, unit="percent", change="decrease"),
             fig("2.1%", 2.1, unit="percent", change="decrease")]),
    # an amount then a level far above it is no range: "by a million to 67 million"
    Example("The population grew by more than a million to 67 million.",
            [fig("more than a million", 1e6, "more_than", low=1e6, high=None,
                 change="increase"),
             fig("67 million", 67e6)]),
    Example("Membership rose by 1 to 2 thousand.",
            [fig("1 to 2 thousand", 1500, "range", low=1000, high=2000, change="increase")]),
    # a bare figure compared with an earlier one shares its unit or counted noun
    Example("The firm employs 600 people, up from 450 in 2020.",
            [fig("600", 600, counted="people"), fig("450", 450, counted="people")]),
    Example("Sales were $5bn versus 4.2bn expected.",
            [fig("$5bn", 5e9, unit="USD"), fig("4.2bn", 4.2e9, unit="USD")]),
    # movement verbs beyond rise/fall; a noun before a duration is no movement
    Example("Exports expanded 8.5% in May.",
            [fig("8.5%", 8.5, unit="percent", change="increase")]),
    Example("The trade deficit narrowed by $3bn.",
            [fig("$3bn", 3e9, unit="USD", change="decrease")]),
    Example("The currency depreciated 12% against the dollar.",
            [fig("12%", 12, unit="percent", change="decrease")]),
    Example("He signed the contract 2 years ago.", [fig("2 years", 2, unit="year")]),
    Example("He added a 40 yard run late in the game.",
            [fig("40 yard", 40, unit="yard")]),
    Example("Troops advanced 5km (3 miles) overnight while the index advanced 2%.",
            [fig("5km", 5, unit="km"), fig("3 miles", 3, unit="mile"),
             fig("2%", 2, unit="percent", change="increase")]),
    Example("Nasdaq +0.8% at midday.",
            [fig("0.8%", 0.8, unit="percent", change="increase")]),
    Example("The company gave up 40 yards of frontage.",
            [fig("40 yards", 40, unit="yard")]),
    Example("The firm cut 500 jobs last year.",
            [fig("500", 500, counted="jobs")]),
    Example("The share price slid 12 cents to $4.10.",
            [fig("12 cents", 12, unit="cent", change="decrease"), fig("$4.10", 4.1, unit="USD")]),
    Example("Profit was revised upward by 40 billion yen.",
            [fig("40 billion yen", 40e9, unit="JPY", change="increase")]),
]

# Units of measure: SI and imperial, areas, speeds, temperatures, energy, durations, ages.
UNITS = [
    Example("The convoy stretched for 12 km.", [fig("12 km", 12, unit="km")]),
    Example("The wall is 37m long.", [fig("37m", 37, unit="m")]),
    Example("The missile flew 500 miles.", [fig("500 miles", 500, unit="mile")]),
    Example("Winds reached 155mph.", [fig("155mph", 155, unit="mph")]),
    Example("The train runs at 300 km/h.", [fig("300 km/h", 300, unit="km/h")]),
    Example("The shell weighs 43 kg.", [fig("43 kg", 43, unit="kg")]),
    Example("The ship carried 20,000 tonnes of grain.",
            [fig("20,000 tonnes", 20000, unit="tonne")]),
    Example("The fire burned 311 square miles.", [fig("311 square miles", 311, unit="square mile")]),
    Example("The flat measures 32m2.", [fig("32m2", 32, unit="square metre")]),
    Example("Water boils at 100 degrees Celsius.",
            [fig("100 degrees Celsius", 100, unit="celsius")]),
    Example("It was 5°C in Kyiv.", [fig("5°C", 5, unit="celsius")]),
    Example("The plant produces 35 GWh a year.", [fig("35 GWh a year", 35, unit="GWh per year")]),
    Example("The engine makes 640bhp.", [fig("640bhp", 640, unit="bhp")]),
    Example("The phone has a 4500 mAh battery.", [fig("4500 mAh", 4500, unit="mAh")]),
    Example("The talks lasted three hours.", [fig("three hours", 3, unit="hour")]),
    Example("The EU will provide €50bn over four years.",
            [fig("€50bn", 50e9, unit="EUR"), fig("four years", 4, unit="year")]),
    Example("It was the first visit in over 20 years.",
            [fig("over 20 years", 20, "more_than", low=20, high=None, unit="year")]),
    Example("They held a three-hour meeting.", [fig("three-hour", 3, unit="hour")]),
    Example("The attack came two days after the invasion.", [fig("two days", 2, unit="day")]),
    Example("A 45-year-old medic was among the dead.",
            [fig("45-year-old", 45, unit="year of age")]),
    Example("Lee, 56, told reporters the plan had failed.",
            [fig("56", 56, unit="year of age")]),
    Example("Police arrested two men, aged 19 and 23.",
            [fig("two", 2, counted="men"), fig("19", 19, unit="year of age"),
             fig("23", 23, unit="year of age")]),
    Example("The study followed 1,500 adults aged 18 to 65.",
            [fig("1,500", 1500, counted="adults"),
             fig("18 to 65", 41.5, "range", low=18, high=65, unit="year of age")]),
    Example("The tablet has 64GB of storage.", [fig("64GB", 64, unit="GB")]),
    Example("The reactor is rated at 1,000 megawatts.",
            [fig("1,000 megawatts", 1000, unit="MW")]),
    Example("The drone flew for 30 minutes at 400 feet.",
            [fig("30 minutes", 30, unit="minute"), fig("400 feet", 400, unit="foot")]),
    Example("The debt is 6.5 times earnings.", [fig("6.5 times", 6.5, unit="times")]),
    Example("Demand grew 3x in a year.", [fig("3x", 3, unit="times", change="increase")]),
    Example("They bought a 3,000-square-foot home.",
            [fig("3,000-square-foot", 3000, unit="square foot")]),
    Example("The phone has a 6.7in screen.", [fig("6.7in", 6.7, unit="inch")]),
    Example("The team ran for 517 passing yards.",
            [fig("517", 517, unit="yard", change=None)]),
    Example("The device reads 4 ppb of lead.", [fig("4 ppb", 4, unit="ppb")]),
    Example("The galaxy is 13 billion light-years away.",
            [fig("13 billion light-years", 13e9, unit="light-year")]),
    Example("The camera records at 120 fps.", [fig("120 fps", 120, unit="fps")]),
    Example("The tyres run at 35psi.", [fig("35psi", 35, unit="psi")]),
    Example("The qubits are cooled to 0.02 kelvin.", [fig("0.02 kelvin", 0.02, unit="kelvin")]),
    Example("The drive reads data at 7,000MB/s.", [fig("7,000MB/s", 7000, unit="MB per second")]),
    Example("Analysts expected 78 cents per share on revenue of $5.6 billion.",
            [fig("78 cents per share", 78, unit="cent per share"),
             fig("$5.6 billion", 5.6e9, unit="USD")]),
    Example("A 52,000 barrel-a-day refinery opened.",
            [fig("52,000 barrel-a-day", 52000, unit="barrel per day")]),
    Example("The lorry carried a six-cylinder engine.",
            [fig("six-cylinder", 6, counted="cylinder")]),
    Example("Two-, three- and four-bedroom flats are planned.",
            [fig("Two", 2, counted="bedroom"), fig("three", 3, counted="bedroom"),
             fig("four-bedroom", 4, counted="bedroom")]),
]

# Counts with their counted noun; definite counts are figures.
COUNTS = [
    Example("The two sides met in Geneva.", [fig("two", 2, counted="sides")]),
    Example("All 30 Nato leaders attended.", [fig("30", 30, counted="Nato leaders")]),
    Example("Only 12 of the 40 MPs voted.",
            [fig("12", 12, counted="MPs"), fig("40", 40, counted="MPs")]),
    Example("The fund has raised 280 million of the 1.5 billion shekels it needs.",
            [fig("280 million", 280e6, unit="ILS"), fig("1.5 billion shekels", 1.5e9, unit="ILS")]),
    Example("The album sold 2.1 million digital and physical copies.",
            [fig("2.1 million", 2.1e6, counted="digital and physical copies")]),
    Example("He drove in 90 RBIs last season.", [fig("90", 90, counted="RBIs")]),
    Example("Seven European countries signed the pact.",
            [fig("Seven", 7, counted="European countries")]),
    Example("About 60 commercial fishermen work from the port.",
            [fig("About 60", 60, "approximate", low=54, high=66, counted="commercial fishermen")]),
    Example("The squad has 14 first-team players.",
            [fig("14", 14, counted="first-team players")]),
    Example("Officials found one grave near the road.", [fig("one", 1, counted="grave")]),
    Example("The team has won 12 of its last 15 games.",
            [fig("12", 12, counted="games"), fig("15", 15, counted="games")]),
    # model names inside the counted noun: the number in them is no figure of its own
    Example("The air force bought 12 F-35 jets.", [fig("12", 12, counted="F-35 jets")]),
    Example("Airlines ordered 40 A320 planes.", [fig("40", 40, counted="A320 planes")]),
    Example("Sony hopes to sell 25 million PS5 consoles.",
            [fig("25 million", 25e6, counted="PS5 consoles")]),
    Example("The unit lost 3 North Korean-made tanks.",
            [fig("3", 3, counted="North Korean-made tanks", category="weapons")]),
    # a count per period or per head: the unit is the rate, the noun stays counted
    Example("The factory can make 500,000 cars a year.",
            [fig("500,000", 500000, unit="per year", counted="cars")]),
    Example("Russia sends 300 troops a month to the front.",
            [fig("300", 300, unit="per month", counted="troops", category="troops")]),
    Example("The clinic ran 40 tests per person.",
            [fig("40", 40, unit="per person", counted="tests")]),
    Example("Twelve soldiers stood a mile away.", [fig("Twelve", 12, counted="soldiers")]),
    # "a N or two": the noun before "or" is what the figure counts
    Example("The club hopes to sign a striker or two.", [fig("two", 2, counted="striker")]),
    Example("The repairs will take a week or two.", [fig("two", 2, unit="week")]),
    Example("The convoy included 40 armoured vehicles and 12 tanks.",
            [fig("40", 40, counted="armoured vehicles"),
             fig("12", 12, counted="tanks", category="weapons")]),
]

# Not figures: years, dates, times, ordinals, ids, phone numbers, idioms, pronoun "one".
NON_FIGURES = [
    Example("The war began in 2022.", []),
    Example("The meeting is on Dec. 19 in Seoul.", []),
    Example("It happened on 19 December.", []),
    Example("The summit took place in February 2022.", []),
    Example("The talks start at 2.15pm on Monday.", []),
    Example("The vote closed at 10:30 local time.", []),
    Example("He finished 21st in the race.", []),
    Example("It was the first time since the war.", []),
    Example("Call 555-0199 for details.", []),
    Example("Call 1-800-555-0100 for details.", []),
    Example("The G7 leaders discussed F-16 jets.", []),
    Example("Nato's Article 5 was never invoked.", []),
    Example("Nord Stream 2 was never opened.", []),
    Example("One of the soldiers was released.", []),
    Example("Several of them were injured.", []),
    Example("A few officers and many civilians stayed.", []),
    Example("The shop is open 24/7.", []),
    Example("Production doubled and exports tripled.", []),
    Example("He stayed for a day and an hour.", []),
    Example("The fiscal year FY2023 ended in June.", []),
    Example("1. Troops withdrew from the town.", []),
    Example("The 1990s were different.", []),
    Example("Version 3.2.1 fixed the bug.", []),
    Example("He lives at 575 Wilbraham Road.", []),
    Example("It was the lesser of two evils.", []),
    Example("The home side won 2-0 on Saturday.", []),
    Example("She chose the second half of the season.", []),
    Example("The team slipped to the bottom three.", []),
    Example("Apollo 11 landed on the moon.", []),
    Example("The airline ordered its first 777 Freighter in May.", []),
    Example("The 10115 Berlin office closed.", []),
    Example("The temperature rose in the second quarter of 2021.", []),
    Example("It was a third-party review.", []),
    Example("No one was hurt.", []),
    Example("shares peaked on may 10 before falling.", []),  # lower-cased text: a date
    # stock indices and rankings are names, in any case
    Example("The s&p 500 fell 1.2% and the ftse 100 slipped.",
            [fig("1.2%", 1.2, unit="percent", change="decrease")]),
    Example("The firm joined the Fortune 500 in 2019.", []),
]

EXAMPLES = (
    ARTICLE + CASUALTIES + MONEY + PERCENT + NUMBERS + RANGES + CHANGES + UNITS + COUNTS
    + NON_FIGURES
)

_FIELDS = (
    "mention", "value", "low", "high", "qualifier", "qualifier_text", "unit", "counted", "change",
    "category",
)


def _actual(claim) -> dict[str, Any]:
    row = claim.model_dump(mode="json")
    return {name: row[name] for name in _FIELDS}


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.sentence[:60] for e in EXAMPLES])
def test_example(example: Example) -> None:
    claims = extract_claims(Article(text=example.sentence))
    actual = [_actual(c) for c in claims]
    assert len(actual) == len(example.rows), actual
    for got, want in zip(actual, example.rows, strict=True):
        for name, expected in want.items():
            if expected is ANY:
                continue
            assert _close(got[name], expected), (name, got, want)


def test_table_size() -> None:
    assert len(EXAMPLES) >= 120


def test_bundled_article() -> None:
    """The acceptance rows of the foundation issue, quantity fields only."""
    from pathlib import Path

    from dashboard.ingest import read_articles

    path = Path(__file__).parent.parent / "data" / "articles" / "north-korean-troops-2024-12-19.txt"
    (article,) = list(read_articles([path]))
    claims = {c.mention: c for c in extract_claims(article)}
    over = claims["over 100"]
    assert (over.qualifier.value, over.low, over.high) == ("more_than", 100, None)
    thousands = claims["thousands"]
    assert (thousands.qualifier.value, thousands.low, thousands.high) == ("vague", 1000, 10000)
    assert thousands.counted == "troops" and thousands.category.value == "troops"
    least = claims["at least 100"]
    assert (least.qualifier.value, least.low, least.high, least.counted) == (
        "at_least", 100, None, "fatalities")
    nearly = claims["nearly 1,000"]
    assert (nearly.qualifier.value, nearly.high, nearly.counted) == (
        "approximate", 1000, "injured troops")
    assert nearly.category.value == "wounded"
    several = claims["several hundred"]
    assert several.qualifier.value == "vague" and 100 <= several.low <= several.high <= 1000
    assert several.category.value == "casualties"
    ten = claims["ten"]
    assert (ten.qualifier.value, ten.value) == ("exact", 10)
    mentions = " ".join(claims)
    for word in ("December", "Thursday", "2022", "2024"):
        assert word not in mentions
