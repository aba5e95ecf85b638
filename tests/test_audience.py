"""Who is asking, read by the learned audience model with the real embedding models.

The figures are checked on questions written blind by people who never saw the corpus it was trained on (the answer
batches in bench/data), so they say how it reads wording it has never seen.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.understand.audience import detect_audience
from assistant.understand.audience_model import (
    AUDIENCE_TEST,
    AudienceModel,
    AudienceReader,
    digest,
    model_path,
    training_rows,
)
from tests.conftest import shared_embeddings

DATA = Path(__file__).parent.parent / "bench" / "data"


@pytest.fixture(scope="module", params=["use", "e5"])
def reader(request) -> AudienceReader:
    return AudienceReader(shared_embeddings(request.param))


def _embed(reader: AudienceReader, texts: list[str]) -> np.ndarray:
    return np.asarray(shared_embeddings("use" if reader.name.startswith("use") else "e5").embed_queries(texts),
                      dtype=np.float32)


def _labelled(pattern: str) -> list[tuple[str, str]]:
    return [(row["question"], row["audience"]) for path in sorted(DATA.glob(pattern))
            for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if "audience" in row]


def _right(reader: AudienceReader, pairs: list[tuple[str, str]]) -> int:
    vectors = _embed(reader, [q for q, _ in pairs])
    return sum(reader.read(q, v, detect_audience(q)) == a for (q, a), v in zip(pairs, vectors, strict=True))


def test_the_shipped_model_was_trained_on_this_corpus(reader):
    model = AudienceModel.load(model_path(reader.name))
    assert model.provenance["corpus_digest"] == digest(training_rows()), "run `recourse audience train`"


def test_it_reads_who_is_asking_far_better_than_the_phrases_alone(reader):
    """The seventh answer batch's hold-out (75 questions, never trained on nor used to choose anything): the phrases
    alone read 56 right; the model with the phrases it trusts 67 (USE) and 67 (e5); before the answer batches
    joined its training, 65 (USE) and 66 (e5). Floors just under the shipped figures."""
    pairs = _labelled(AUDIENCE_TEST)
    phrases = sum((detect_audience(q) or "survivor") == a for q, a in pairs)
    right = _right(reader, pairs)
    print(f"\n{reader.name}: {right}/{len(pairs)} right (phrases alone {phrases})")
    assert right >= 0.84 * len(pairs) and right >= phrases + 8


@pytest.mark.parametrize("text, audience", [
    ("I look after safeguarding at a sixth-form college; one of our girls says a lad shared her nudes. Next steps?",
     "educator"),
    ("我在一所初中带毕业班，有学生的私密照片在年级群里传开了，学校这边应该怎么处理？", "educator"),
    ("Ma petite sœur de 15 ans m'a dit qu'un mec la fait chanter avec des photos, je fais quoi pour l'aider ?",
     "friend"),
    ("I'm a counsellor and my client found a hidden camera in her rental", "counsellor"),  # a trusted phrase stands
    # a youth worker supports young people outside school, as a social worker does (all six labelled youth workers
    # of the answer batches are counsellors); before, the phrase read school staff and the model then a parent
    ("I'm a youth worker. A 15-year-old I support says a nude of her is going round her school group chat. What "
     "should I do?", "counsellor"),
])
def test_helpers_are_read_as_helpers(reader, text, audience):
    vector = _embed(reader, [text])[0]
    assert reader.read(text, vector, detect_audience(text)) == audience


@pytest.mark.parametrize("text", [
    "I sent those photos to my ex myself, and now he has shown them to his friends. Can I still report him?",
    "c'est moi qui lui avais envoyé les photos, il les a montrées à ses potes, je peux porter plainte ?",
    "照片是我自己发给他的，现在他转给了别人，我还能报警吗",
    # USE read person-who-shared at 0.90 (answer batch 38): "a photo I had sent someone" is the writer's own
    "J'ai 16 ans. Une photo que j'avais envoyée à un garçon l'an dernier tourne depuis hier dans un groupe. Je fais quoi ?",
])
def test_a_survivor_who_sent_the_photos_is_not_read_as_the_one_who_shared_them(reader, text):
    """The costliest misreading: a survivor told to delete their copies and apologise."""
    assert reader.read(text, _embed(reader, [text])[0], detect_audience(text)) != "person-who-shared"


@pytest.mark.parametrize("text", [
    # Both models thanked these writers for helping someone (USE read the first two as a friend's, at 0.51 and 0.56).
    "How do I report a Telegram group sharing my photos?",
    "Comment signaler un groupe Telegram qui partage mes photos ?",
    "怎么举报一个转发我的照片的群",
    # Read by a model as a helper's and thanked for supporting someone (USE: counsellor 0.78, parent 0.35): a message
    # that names no one but its writer is theirs.
    "StopNCII marche pour Telegram ?",
    "still file complaint after 3 years?",
    "numéro gratuit pour parler ?",
    "lost stopncii PIN, recoverable?",
    "Varsovie, nudes volés, qui appeler ?",
    # A sister, a cousin or a friend who told the writer something is where the advice came from, not the person the
    # writer helps: read as a friend's (answer batch 42: the sister's message was thanked for helping someone).
    "My ex keeps saying he'll put my photos online if I don't get back with him. My sister says it's not a crime "
    "until he actually posts them. Is she right?",
    "Des faux nus de moi générés par IA circulent entre collègues. On me dit que je ne peux rien faire, c'est vrai ?",
    # a couple's own videos (answer batch 60: "French girl here ... he'll put our videos online" was thanked for helping)
    "Backpacker here, in Cairns for the season. A guy from back home says he'll put our videos online unless I send "
    "him money. Can anyone here do something when he's overseas?",
    # a nurse, a teacher or a town councillor whose own images they are (written for this test; answer batch 64's
    # tuning half: "Je suis infirmière ... une vidéo intime de moi" was thanked for supporting someone)
    "Je suis infirmière en EHPAD. Une aide-soignante fait circuler une vidéo intime de moi dans le service.",
    "I'm a nurse on a night shift rota. A porter has a clip of us from when we dated and keeps showing it around.",
    "Je suis prof de maths au collège. Des élèves ont fait une fausse photo dénudée de moi avec une appli.",
    # the threat is to send them to the writer's own people (written for this test; answer batch 67's tuning half:
    # "现在说不转3000块就把视频发给我微信里所有好友" was thanked for helping someone)
    "网上认识的一个女生跟我视频，她偷偷录了屏，现在说不给钱就发给我微信里所有好友。她还发了我同学的名字。要不要先给钱？",
    "A girl I met online recorded our call and she says she will send it to all my followers and my family.",
    "Une fille d'Insta a enregistré notre appel vidéo, elle dit qu'elle va l'envoyer à tous mes contacts.",
])
def test_a_writer_who_calls_the_images_theirs_or_names_no_one_else_is_the_survivor(reader, text):
    assert reader.read(text, _embed(reader, [text])[0], detect_audience(text)) == "survivor"


def test_images_sent_to_the_writer_or_someone_elses_are_not_read_as_the_writers_own():
    from assistant.understand.audience import names_own_images

    assert names_own_images("they posted my nudes") and names_own_images("des photos de moi circulent")
    assert names_own_images("我被偷拍了") and names_own_images("他要发我的私密照片")
    assert not names_own_images("朋友被偷拍了我该说什么")  # 我 opens the next clause: the friend was filmed
    assert not names_own_images("我把前女友发我的照片转到了群里")  # the photos she sent me
    assert not names_own_images("一个女生说自己的照片被传到了班群")  # reported speech: her own photos
    assert not names_own_images("my daughter's photos are in a group chat")
    assert names_own_images("a pic i sent him") and names_own_images("une photo que je lui avais envoyée")
    assert names_own_images("我以前发给男朋友的照片")
    assert not names_own_images("cops might come about some pics i sent round")  # someone's, passed on
    assert not names_own_images("une vidéo que j'ai partagée")
    # a couple's own, and French typed without accents
    assert names_own_images("he says he'll put our videos online") and names_own_images("il va publier nos vidéos")
    assert names_own_images("前男友把我们以前的私密照片发到了群里") and names_own_images("des videos de moi circulent")
    assert not names_own_images("our daughter's photos are on a forum")
    # a word or two between the images and whose they are, and a couple's own in a few words
    assert names_own_images("une vidéo intime de moi") and names_own_images("une fausse photo dénudée de moi")
    assert names_own_images("he uploaded a video of us") and names_own_images("une vidéo de nous deux")
    assert not names_own_images("une vidéo intime de ma fille")


def test_someone_else_is_named_in_all_three_languages():
    from assistant.understand.audience import names_someone_else

    for text in ("her ex says he'll post tonight", "number to report friend's leaked pics", "my 14yo sent nudes",
                 "social worker here: 12377 or 110?", "Pharos pour la vidéo d'une amie ?", "prof : Report Remove ?",
                 "她的图删了又被传上来了", "学生被做了假裸照 能删吗", "社工问下 12377管私密照吗",
                 "planning a lesson for year 9 on nudify apps", "je prépare un cours sur les deepfakes", "想开个班会讲讲"):
        assert names_someone_else(text), text
    for text in ("StopNCII marche pour Telegram ?", "lost stopncii PIN, recoverable?", "怎么举报一个转发我的照片的群",
                 "numéro gratuit pour parler ?"):
        assert not names_someone_else(text), text


@pytest.mark.parametrize("text", [
    # Close to a message of the sixth blind answer batch, which the USE model read as a parent's.
    "我15岁在里昂上学，有人在Snapchat上威胁说要把我的照片发出去！我能打3018吗？我不想让爸妈知道",
    "im 14 and someone has my pics, my mom and my teacher cant find out, what do i do",
])
def test_a_teenager_who_mentions_their_parents_is_not_read_as_a_parent(reader, text):
    assert reader.read(text, _embed(reader, [text])[0], detect_audience(text)) == "survivor"


def test_only_the_writers_own_age_makes_them_a_young_person():
    from assistant.understand.age import writer_is_minor

    assert writer_is_minor("im 15 what do i do") and writer_is_minor("j'ai 14 ans") and writer_is_minor("我今年十四岁")
    # French is typed without the apostrophe, or with the typographic one: "jai 16 ans mon copain aussi".
    assert writer_is_minor("jai 16 ans mon copain aussi") and writer_is_minor("j’ai 15 ans")
    assert not writer_is_minor("my daughter is 15") and not writer_is_minor("我女儿15岁")
    assert not writer_is_minor("I'm 15 minutes away") and not writer_is_minor("i am 19")
    assert not writer_is_minor("j'ai 12 captures d'écran") and not writer_is_minor("jai 20 ans")


def test_without_a_model_file_the_phrases_stand(tmp_path):
    reader = AudienceReader(shared_embeddings("use"), path=tmp_path / "none.npz")
    assert reader.read("my daughter is 14 and someone has her photos", None, "parent") == "parent"
