"""Which of our three languages a message is written in.

Chinese is recognised by its script; English and French by py3langid (a maintained fork of langid.py whose model
ships inside the package), limited to those two so short messages are not mistaken for a third language.
"""

from __future__ import annotations

import re

from assistant.once import load_once
from assistant.vocabulary import CJK

_CJK = CJK
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORDS = re.compile(r"[a-zàâçéèêëîïôûùüÿœ']+")
# Common words of one language and not the other (little words, greetings, and the domain's own spellings:
# "sextorsion" / "sextortion"): short messages mix in English names ("revenge porn", "StopNCII") that tip the
# character model, while these words still say which language the person writes. When the model is unsure (under
# 0.9), one such word with none of the other language's decides: "report deepfake australia" was answered in French.
_FRENCH = frozenset("""je j' tu il elle nous vous ils elles le la les un une des du au aux mon ma mes ton ta tes son sa
ses notre votre leur pour avec dans sur sous est sont suis être avoir ai a été et ou mais donc car pas ne plus que qui
quoi quand comment pourquoi où ce cette ces ça cela c' qu' d' l' m' n' s' t' y en très aussi faire fait plainte porter
déposer signaler signalement victime explication aide aidez besoin photos vidéos intimes mineur police gendarmerie
commissariat loi droit peux peut dois faut quel quelle quels de moi toi lui si sans chez tout tous rien veux sais fais
stp svp pote copine copain on me te se ans sextorsion chantage supprimer retirer fiable perdu anonyme fils fille
montage menace menacé merci bonjour bonsoir salut slt qqn coloc allo""".split())
_ENGLISH = frozenset("""i me my mine you your he she his her we our they their the a an of to in on at for with by from
is are was were be been have has had do does did and or but not no what when how why where who which this that these
those it its can could should would will shall my help please report photos videos someone law police remove delete
leaked sextortion sentence australia threatening pls dont thanks hello hi hey victim daughter kid""".split())


@load_once
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["en", "fr"])
    return identifier


_LITTLE = _FRENCH | _ENGLISH
# Names of services made of English words, written as-is in every language: "Take It Down sur Telegram ?" is French
# around a name, and the name's "it" must not count as English.
_NAMES = re.compile(r"\btake\s*it\s*down(?:\s+act)?\b|\breport\s*remove\b|\brevenge\s*porn(?:\s*helpline)?\b|"
                    r"\bnudify\b|\bdeep\s*fakes?\b", re.IGNORECASE)


def _little_words(text: str) -> int:
    """How many English or French little words ("is", "the", "est", "pour") a message holds: names of platforms and
    services ("StopNCII", "Telegram") are not sentences in a language, these are."""
    return sum(w.strip("'") in _LITTLE for w in _WORDS.findall(text.lower()))


def detect_language(text: str, hint: str | None = None) -> str:
    """'zh', 'en' or 'fr'. A confident hint (the interface language) settles messages too short to judge."""
    unnamed = _NAMES.sub(" ", text)
    if _LETTER.search(unnamed):
        text = unnamed
    letters = _LETTER.findall(text)
    if not letters:
        return hint if hint in ("en", "zh", "fr") else "en"
    cjk = len(_CJK.findall(text))
    if cjk and (cjk / len(letters) >= 0.2 or _little_words(text) < 2):
        # A Chinese character says more than a Latin letter: "StopNCII 支持Telegram吗" is Chinese around two names,
        # while "what does 裸聊 mean" has English little words around a Chinese one.
        return "zh"
    language, probability = _identifier().classify(text)
    if probability < 0.99:
        words = [w.strip("'") or w for w in _WORDS.findall(text.lower())]
        words = [w for w in words] + [w[:2] for w in words if len(w) > 2 and w[1] == "'"]
        french = sum(w in _FRENCH and w not in _ENGLISH for w in words)
        english = sum(w in _ENGLISH and w not in _FRENCH for w in words)
        if french != english and (max(french, english) >= 2 or (probability < 0.9 and min(french, english) == 0)):
            return "fr" if french > english else "en"
    if probability < 0.75 and hint in ("en", "fr"):
        return hint
    return language
