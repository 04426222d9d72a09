"""Synthetic Vietnamese articles for the duplicate evaluation, and their transformed copies."""

import random

from bench.dedup_vocabulary import OBJECTS, PLACES, PURPOSES, RESULTS, SUBJECTS, VERBS
from search.folding import strip_diacritics

OCR_CONFUSIONS = {"m": "rn", "l": "1", "o": "0", "e": "c", "i": "í", "a": "ạ", "u": "ư", "n": "h"}


def sentence(rng: random.Random) -> str:
    text = (f"Tại {rng.choice(PLACES)}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
            f"{rng.choice(OBJECTS)} {rng.choice(PURPOSES)}")  # fmt: skip
    if rng.random() < 0.5:
        text += ", " + rng.choice(RESULTS).format(n=rng.randint(2, 950))
    return text + "."


def article(seed: int) -> str:
    rng = random.Random(seed)
    paragraphs = [
        " ".join(sentence(rng) for _ in range(rng.randint(3, 5))) for _ in range(rng.randint(4, 6))
    ]
    return "\n\n".join(paragraphs)


def ocr_noise(text: str, rng: random.Random, rate: float = 0.04) -> str:
    out = []
    for char in text:
        roll = rng.random()
        if roll < rate and char.lower() in OCR_CONFUSIONS:
            out.append(OCR_CONFUSIONS[char.lower()])
        elif roll < rate * 1.3 and char == " ":
            out.append("")
        elif roll < rate * 1.5:
            out.append(strip_diacritics(char))
        else:
            out.append(char)
    return "".join(out)


def light_edit(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(max(3, len(words) // 20)):
        position = rng.randrange(len(words))
        action = rng.random()
        if action < 0.4:
            words[position] = rng.choice(["mới", "quan trọng", "hiệu quả", "tích cực"])
        elif action < 0.7:
            del words[position]
        else:
            words.insert(position, rng.choice(["đồng thời", "bước đầu", "nhanh chóng"]))
    return " ".join(words) + "\n\n" + sentence(rng)


def reorder(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    while len(paragraphs) > 1:
        shuffled = paragraphs[:]
        rng.shuffle(shuffled)
        if shuffled != paragraphs:
            return "\n\n".join(shuffled)
    return text


def text_copies(text: str, rng: random.Random) -> dict[str, str]:
    return {
        "no_diacritics": strip_diacritics(text),
        "ocr_noise": ocr_noise(text, rng),
        "reorder": reorder(text, rng),
        "light_edit": light_edit(text, rng),
        "no_diacritics_reorder": strip_diacritics(reorder(text, rng)),
    }
