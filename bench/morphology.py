"""Extraction speed on Russian and Ukrainian text beside the English report (issue 14's target:
the report in under 100 ms after load, Cyrillic text of the same length within 2× that).

    python bench/morphology.py
    python bench/morphology.py --rounds 20

The Cyrillic texts are generated, seeded: news-style sentences naming towns and regions of the
gazetteer in every grammatical case (inflected by pymorphy3), people and outlets, to the report's
length, with as many distinct words as a real article (so the word caches do not flatter it).
"Cold" clears the morphology caches before each round; "warm" keeps them, as a second article
in one process would. Also prints the one-time cost of loading each dictionary.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from pathlib import Path

from geomap.extract import extract, index_for, read_article
from geomap.gazetteer import default_gazetteer, morphology

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT.parent / "shared/article/war-resistance-in-russia-and-ukraine.txt"
CASES = ["gent", "datv", "accs", "ablt", "loct"]
TEMPLATES = {
    "ru": [
        "В {loct} прошла акция против мобилизации, задержаны {n} человек.",
        "Жители {gent} рассказали изданию «Медиазона», что полиция приехала ночью.",
        "{person} уехал из {gent} и добрался до {gent2} на автобусе.",
        "Суд в {loct2} оштрафовал активистку {person2} за антивоенный плакат.",
        "Под {ablt} задержали ещё {n} участников пикета, сообщает «Новая газета».",
    ],
    "uk": [
        "У {loct} відбулася акція, затримано {n} людей.",
        "Мешканці {gent} розповіли «Українській правді», що поліція приїхала вночі.",
        "{person} виїхав з {gent} і дістався до {gent2} автобусом.",
        "Суд у {loct2} оштрафував активістку {person2} за антивоєнний плакат.",
        "Під {ablt} затримали ще {n} учасників пікету.",
    ],
}
PEOPLE = {
    "ru": ["Сергей Лазарев", "Анна Волкова", "Дмитрий Орлов", "Никита Смирнов", "Ольга Козлова"],
    "uk": ["Сергій Мельник", "Олена Коваль", "Тарас Шевчук", "Ірина Бондар", "Микола Ткаченко"],
}


def cyrillic_towns(language: str) -> list[str]:
    """Nominative Cyrillic names of the gazetteer's towns that the dictionary inflects."""
    gazetteer = default_gazetteer()
    out = []
    for place in gazetteer.find(kind="town", country="RU" if language == "ru" else "UA"):
        for alias in place.aliases:
            if morphology.has_cyrillic(alias) and " " not in alias and "-" not in alias:
                out.append(alias)
                break
    return out


def inflect(name: str, case: str, language: str) -> str:
    parse = morphology.parses(name.casefold(), language)[0]
    form = parse.inflect({case})
    return form.word.capitalize() if form else name


def generated(language: str, length: int, seed: int = 14) -> str:
    rng = random.Random(seed)
    towns = cyrillic_towns(language)
    sentences, size = [], 0
    while size < length:
        template = rng.choice(TEMPLATES[language])
        values = {
            f"{case}{suffix}": inflect(rng.choice(towns), case, language)
            for case in CASES
            for suffix in ("", "2")
        }
        values.update(
            n=rng.randint(2, 90),
            person=rng.choice(PEOPLE[language]),
            person2=rng.choice(PEOPLE[language]),
        )
        sentence = template.format(**values)
        sentences.append(sentence)
        size += len(sentence) + 1
    paragraphs = [" ".join(sentences[k : k + 5]) for k in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)[:length]


def clear_caches():
    for fn in (morphology.parses, morphology.word_forms):
        fn.cache_clear()
    index_for(default_gazetteer()).cache.clear()


def per_round(fn, rounds, cold):
    total = 0.0
    for _ in range(rounds):
        if cold:
            clear_caches()
        start = time.perf_counter()
        fn()
        total += time.perf_counter() - start
    return total / rounds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    gazetteer = default_gazetteer()
    index_for(gazetteer)
    for language in ("ru", "uk"):
        tracemalloc.start()
        start = time.perf_counter()
        morphology.analyzer(language)
        load = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"load {language} dictionary: {load * 1000:.0f} ms, {peak:.0f} MB traced")
    report = read_article(REPORT)
    texts = {"en (the report)": report.text}
    for language in ("ru", "uk"):
        texts[language] = generated(language, len(report.text))
    base = None
    for name, text in texts.items():
        extract(text, gazetteer)  # the first run of each text pays for nothing shared
        cold = per_round(lambda text=text: extract(text, gazetteer), args.rounds, True)
        warm = per_round(lambda text=text: extract(text, gazetteer), args.rounds, False)
        base = base or cold
        found = len(extract(text, gazetteer).mentions)
        print(
            f"{name:16} {len(text):6} chars  cold {cold * 1000:6.1f} ms ({cold / base:.2f}×)  "
            f"warm {warm * 1000:6.1f} ms  {found} mentions"
        )


if __name__ == "__main__":
    main()
