"""The answer a person reads, as a caseworker would give it: acknowledgement, the literal answer first, one ordered
list of actions with their own place's lines, and the one question that would change the advice. Real index, real
embedding model, real cards."""

from __future__ import annotations

import json

import pytest
from langchain_core.documents import Document

from assistant.answer import messages
from assistant.answer.compose import Citations
from assistant.evaluation.scoring import markers_match, place_violations
from ui.conversation import Conversation, finish
from ui.render import render_crisis_banner

SEXTORTION = "a guy i met online wants 500 dollars or he sends my nudes to everyone. should i pay him?"


def kinds(result) -> list[str]:
    return [block.kind for block in result.blocks]


def test_a_sextortion_question_gets_the_caseworkers_answer(full_service):
    result = full_service.ask(SEXTORTION)
    assert result.route == "answer" and result.card == "sextortion-pay"
    assert kinds(result)[:3] == ["ack", "direct", "steps"]
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert "do not pay" in direct.lines[0].text.lower()
    steps = next(b for b in result.blocks if b.kind == "steps")
    assert 3 <= len(steps.lines) <= 6 and all(line.n for line in steps.lines)
    assert result.blocks[-1].kind == "question" and (result.needs_age or result.needs_place)
    assert len(result.answer) <= full_service.settings.answer_max_chars
    assert markers_match(result.answer, [c.to_dict() for c in result.citations])


@pytest.mark.parametrize("place, must", [("FR", "gendarmerie"), ("UK", "0345 6000 459"), ("AU", "eSafety"),
                                         ("EU", "112")])
def test_the_persons_place_gives_its_own_lines_and_no_other_places(full_service, place, must):
    result = full_service.ask(SEXTORTION, place)
    assert must in result.answer
    assert place_violations(result.answer, place) == set()
    assert not result.needs_place


def test_a_us_law_named_in_chinese_is_another_places_line(full_service):
    """"《Take It Down 法案》" is the US's TAKE IT DOWN Act as the Chinese guidance writes it: a person in China whose
    images came back years later was told of Discord's form under it, a US law, until the name was a US marker."""
    result = full_service.ask("这事拖了快三年，每次以为过去了又冒出来，现在还能做什么", "CN")
    assert "Take It Down 法" not in result.answer and "TAKE IT DOWN 法" not in result.answer
    assert place_violations(result.answer, "CN") == set()


def test_a_partner_who_checks_the_phone_is_not_blocked_without_a_plan(full_service):
    """Someone whose partner reads their phone and threatens to share images: blocking him or changing passwords can be
    noticed, so the answer says to plan first (a Vienna social worker's client was told "block the person" and
    nothing else); in French the safety answer leads."""
    result = full_service.ask("my boyfriend goes through my phone every day and says if i try to leave he'll send our "
                              "sex tape to my family. what can i do without him noticing?")
    assert result.card == "ex-threatens"
    assert "they may notice" in result.answer
    result = full_service.ask("mon conjoint surveille mon portable et menace de publier mes photos intimes si je le "
                              "quitte, que faire sans qu'il s'en rende compte ?")
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert direct.lines[0].text.startswith("Pensez d'abord à votre sécurité")


def test_asking_whether_it_is_a_crime_also_tells_how_to_block_copies(full_service):
    """The law's answer first, and the hash-blocking line with it (the adults' first when the age is unknown): before,
    someone asking "is it illegal?" was never told that copies can be blocked meanwhile."""
    result = full_service.ask("is it actually illegal for him to post my nudes?")
    assert result.card == "is-it-a-crime" and "StopNCII" in result.answer


def test_a_known_places_own_lines_outrank_a_supporting_passage(full_service):
    """A teacher in Leeds writing in French: the UK's own line (Report Remove) is kept; before, a reference passage
    that repeated a step ("do not keep or forward the image") took its room under the phone budget."""
    result = full_service.ask("Je suis prof dans un collège à Leeds. Une photo intime d'une élève de 14 ans circule "
                              "dans un groupe Snapchat de la classe et je ne veux surtout pas la regarder. Que dois-je "
                              "faire côté procédure anglaise ?")
    # the school staff's lines of the card on a minor's images, or the school staff's card
    assert result.jurisdiction == "UK" and result.card in {"minor-images", "educator"}
    assert "Report Remove" in result.answer
    assert len(result.answer) <= full_service.settings.answer_max_chars


@pytest.mark.parametrize("question, shown, not_shown", [
    ("I teach at a school near Porto. A 13-year-old pupil says a stranger on Discord is pressuring her for photos. "
     "What should I do?", ["Take It Down", "police"], ["Belgium", "Child Focus"]),
    ("Je suis CPE dans un lycée à Bruxelles. Une photo intime d'une élève de 15 ans circule. Que doit faire "
     "l'établissement ?", ["Child Focus"], []),
])
def test_a_member_states_own_bodies_are_for_people_in_that_member_state(full_service, question, shown, not_shown):
    """A teacher in Portugal got Belgium's Child Focus and equality institute as 'their' place's lines."""
    result = full_service.ask(question)
    assert result.jurisdiction == "EU"
    for text in shown:
        assert text in result.answer
    for text in not_shown:
        assert text not in result.answer


def test_a_supporting_passage_is_not_a_section_about_another_place(full_service):
    """A page for everywhere (Take It Down) has a section for the US ("Report to NCMEC's CyberTipline"): its lines
    are the US's even where they do not say so. A woman in Lyon threatened by her ex was given "Vous pouvez faire un
    signalement en ligne : https://cybertipline.org", with its heading hidden (it names another place) and nothing to
    say what it was."""
    result = full_service.ask("Je n'en peux plus, mon ex menace de publier mes photos. J'habite à Lyon. Que faire ?")
    assert result.route in ("answer", "crisis")
    assert "cybertipline" not in result.answer.lower(), result.answer


def test_a_supporting_passage_is_a_fact_not_a_pages_introduction(full_service):
    """A counsellor was told 'this page lists what to do first' under a heading: the first-hour page's introduction,
    quoted as if it said something."""
    result = full_service.ask("High school counselor in Chicago. A sophomore came to me this morning: a photo she sent "
                              "her boyfriend in the fall is now going around. What should I do first?")
    assert result.card and "this page" not in result.answer


@pytest.mark.parametrize("question, unasked", [
    ("偷拍视频 能去哪举报", "Telegram"),  # drawn by 去 ("where can I go to report"), one character in common
])
def test_a_supporting_passage_shares_a_word_with_the_message_not_a_character(full_service, question, unasked):
    """A passage follows the card's answer for what the message names that the card does not; one Chinese character
    (去, 看, 用) is not a subject, and brought a Telegram page into an answer that never named Telegram."""
    result = full_service.ask(question)
    assert result.route == "answer" and unasked not in result.answer, result.answer


@pytest.mark.parametrize("question, unasked", [
    ("P站上的视频怎么删", "抖音"),
    ("我在都柏林一所国际学校做中文老师。听说几个高年级男生用AI软件给几位女同学做了假裸照,在Snapchat上互相传,涉及的学生都不满18岁。"
     "校长让我先私下了解情况。我是不是应该先把图片要过来存档当证据?学校需要报警吗?", "TikTok"),
    ("I'm head of year at a secondary school in Stockport. Nudes of a Year 10 girl are going round a group chat. A "
     "colleague told the head we should screenshot everything as evidence before the messages get deleted. Is that "
     "what we should do?", "WhatsApp"),
])
def test_a_supporting_passage_is_about_the_platform_the_message_names_or_none(full_service, question, unasked):
    """A teacher whose pupils pass fakes round on Snapchat was given TikTok's report menu, a porn-site question
    Douyin's report button: a line or a section about a platform the message does not name answers someone else."""
    result = full_service.ask(question)
    assert result.route == "answer" and unasked not in result.answer, result.answer


def test_a_minor_in_france_gets_3018_whatever_the_situation(full_service):
    """3018 answers young people and their parents in France; a 15-year-old in Lyon whose fake nude circulates, or a
    16-year-old being blackmailed, got the complaint and PHAROS lines but not 3018."""
    for question in ("j'ai 15 ans, un mec de ma classe a fait un deepfake de moi nue, on est à Lyon",
                     "j'ai 16 ans, un inconnu me fait chanter avec mes photos, je suis à Marseille, je paie ?"):
        result = full_service.ask(question)
        assert result.jurisdiction == "FR" and "3018" in result.answer, result.answer


@pytest.mark.parametrize("question", [
    "Un homme me fait du chantage à la webcam depuis hier soir, il veut 500 euros. J'habite à Lyon, je paie ?",
    "Someone in Paris made a fake nude of me with an AI app and it is going round my office. I'm 31.",
])
def test_an_adult_in_france_is_also_told_of_3018(full_service, question):
    """3018 is France's national line for victims of online violence, "revenge porn" and webcam blackmail among them,
    not only for the young: an adult blackmailed or faked in France got the police and PHAROS, never 3018."""
    result = full_service.ask(question)
    assert result.jurisdiction == "FR" and "3018" in result.answer, result.answer


def test_a_person_in_china_whose_images_are_online_gets_110_and_12377(full_service):
    """China's section of the hidden-camera and threat cards has three lines (110, 12377, the law); it gave two, so
    a person in Hangzhou whose secretly filmed video is in a group, or whose ex posted on Douyin, got 110 but never
    12377, the body that takes reports of such content."""
    for question in ("我在杭州 朋友说在一个群里看到我在商场厕所被偷拍的视频 这种能报警吗",
                     "ex posted my pic on douyin"):
        result = full_service.ask(question)
        assert result.jurisdiction == "CN" and "110" in result.answer and "12377" in result.answer, result.answer


def test_a_person_who_notified_a_chinese_platform_learns_the_notice_goes_to_the_poster(full_service):
    """"Will the platform pass my notice on to the person who posted?" is answered by Civil Code art. 1195 (the
    platform forwards the notice to that user), quoted from the guidance with its source; before the guidance said
    it, the answer spoke only of WhatsApp's and TikTok's reports. The line may come from the reference page or from
    the report-platform card's China answer (since the thirty-third session's labels send this question there); either
    way it is cited to the Civil Code's text."""
    result = full_service.ask("我在厦门。前任把我的私密照发到了微博小号上，我已经按民法典给微博发了删除通知。"
                              "平台会把我的通知转给发帖的人吗？")
    assert result.jurisdiction == "CN" and "转送" in result.answer, result.answer
    assert any("转送" in c.text and "flk.npc.gov.cn" in c.url for c in result.citations), result.citations


@pytest.mark.parametrize("question", [
    "My friend is 19, we're students in Lille. Someone opened an Insta account in her name that posts her private pics",
    "我女儿在比利时列日读书，今年20岁。前男友把她的私密照片发到了Instagram的小号上，还@了她好几个同学。",
])
def test_the_card_for_under_18s_is_not_given_when_the_message_says_the_person_is_an_adult(full_service, question):
    """A friend's 19-year-old friend, a mother's 20-year-old daughter: the card for images of someone under 18
    ("Take It Down", "tell a trusted adult") is not theirs."""
    result = full_service.ask(question)
    assert result.route == "answer" and result.card != "minor-images", (result.card, result.answer)


def test_after_the_lines_to_call_the_place_question_outranks_a_third_step(full_service):
    """A crisis with a question, place unknown: the lines for every place come first, and under the phone budget the
    question 'where are you?' was the first thing dropped, before the general steps; it is what gets the person their
    own place's help, so a third general step gives way first."""
    result = full_service.ask("Je veux mourir. Il m'a filmée à mon insu chez lui et il montre la vidéo à ses potes, "
                              "je fais quoi ?")
    assert result.route == "crisis" and result.needs_place
    assert "Dans quel pays êtes-vous" in result.answer, result.answer
    assert len(result.answer) <= full_service.settings.answer_max_chars


def test_after_the_lines_to_call_a_known_place_s_own_line_outranks_the_age_question_and_a_third_step(full_service):
    """A woman in Caen whose ex hit her, took her phone and comes home tonight: after the lines to call, the card's
    line for France (the police or gendarmerie for an ex's threats) was cut while "were you under 18?" and a third
    general step kept their room. The place is known and her danger is now: her place's line comes first."""
    result = full_service.ask("il rentre ce soir il a pris mon tel il dit qu'il va envoyer les vidéos à toute ma "
                              "famille et il m'a déjà frappée je suis a caen jsp quoi faire")
    assert result.route == "crisis" and result.jurisdiction == "FR", (result.route, result.jurisdiction)
    after_lines = result.answer[result.answer.index("Pour votre question"):]
    assert "gendarmerie" in after_lines and "moins de 18 ans" not in after_lines, result.answer
    assert len(result.answer) <= full_service.settings.answer_max_chars


@pytest.mark.parametrize("question", ["我在成都，老公说我要是敢离婚就把我的私密照发到网上，我该怎么办",
                                      "My husband in Wuhan says he'll post my private videos if I leave him. What can I do?"])
def test_a_woman_in_china_threatened_by_her_partner_is_given_the_womens_hotline(full_service, question):
    """A husband's threat in China: the Women's Federation's 12338 hotline (law, family, emotional support) is the
    line for her; it was the fourth of China's lines on the card, after "if anything has been posted, report it to
    12377", and a place shows three."""
    result = full_service.ask(question)
    assert result.card == "ex-threatens" and result.jurisdiction == "CN", (result.card, result.jurisdiction)
    assert "12338" in result.answer and "110" in result.answer, result.answer


@pytest.mark.parametrize("question", [
    "im 16 and in leeds, my ex's mates have a pic i sent him. if i report it will my parents find out",
    "我16岁 在德州 有人在Instagram上骗我发了照片 现在说要发给我所有关注的人 不敢告诉爸妈"])
def test_a_teenager_is_not_given_the_lines_the_guidance_speaks_to_her_parents(full_service, question):
    """'If you are a parent, carer or teacher, tell the young person about Report Remove' (a place's line on the cards)
    and '如果你是家长或朋友，不要让年轻人把图像发给你' (a supporting passage) are spoken to those who help; a 16-year-old
    read them as her own answer. Her own lines stay."""
    result = full_service.ask(question)
    assert result.route in ("answer", "crisis")
    assert "If you are a parent" not in result.answer and "如果你是家长" not in result.answer, result.answer
    assert "Report Remove" in result.answer or "Take It Down" in result.answer, result.answer


def test_a_teacher_preparing_a_class_gets_what_to_teach(full_service):
    """The educator card answers two questions: what the school does when an image circulates, and what to teach."""
    lesson = full_service.ask("I'm planning a lesson for year 9 on sextortion and nudify apps, what should I cover?")
    incident = full_service.ask("teacher here, a pupil's nude is going round the year group, what do I do?")
    assert lesson.card == incident.card == "educator"
    lesson_first, incident_first = (next(b for b in r.blocks if b.kind == "direct").lines[0].text
                                    for r in (lesson, incident))
    assert "nudify" in lesson_first and "nudify" not in incident_first


def test_with_the_age_unknown_the_known_places_line_outranks_the_lines_for_each_age(full_service):
    """Lyon, age not said: France's line (3018) stays; before, the under-18 and the adult lines kept their room and
    France's went, though the question back asks the age anyway."""
    result = full_service.ask("J'ai utilisé StopNCII il y a deux mois, mais la vidéo est réapparue sur un autre site. "
                              "J'habite à Lyon, que puis-je faire ?")
    assert result.jurisdiction == "FR" and result.needs_age
    assert "3018" in result.answer
    assert len(result.answer) <= full_service.settings.answer_max_chars


@pytest.mark.parametrize("question, place, first", [
    ("will the people at stopncii look at my photos??", None, "only the hash is sent"),
    ("stopncii, it works on whatsapp?", None, "partner platforms"),
    # Take It Down's own line, not a line on Take It Down filed under a heading that also names StopNCII
    ("does stopncii work on whatsapp", None, "partner platforms"),
    ("Ma fille a 16 ans. Take It Down peut-il faire retirer la photo du groupe WhatsApp ?", "FR", "chiffrées"),
    ("délai retrait loi Take It Down ?", "US", "48 heures"),
    ("Pharos ou plainte au commissariat, je fais quoi en premier ?", "FR", "PHAROS"),
    ("la gendarmerie a refusé ma plainte, je peux faire quoi ?", "FR", "porter plainte"),
    ("the site refuses to take down my video, are they allowed to?", "US", "48 hours"),
    ("how do I report the account posting my pics on instagram", "US", "Report option"),
])
def test_the_literal_question_gets_the_answer_that_answers_it(full_service, question, place, first):
    """A card answers several questions of its situation: "does StopNCII see my photos?" is answered with the hash
    made on the device and only the hash sent (the guidance's line on StopNCII, `service_facts.py`, or the card's),
    not with the card's line on partner platforms."""
    result = full_service.ask(question, place)
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert first in direct.lines[0].text, direct.lines[0].text


@pytest.mark.parametrize("question, place, first", [
    ("does it still count if i sent him the pic myself", None, "Yes, it can count"),
    ("I agreed to the photo back then. I'm in Lancashire. Does it still count if he shares it?", "UK",
     "taken with consent"),
    ("j'ai pris la photo moi-même, est-ce que ça compte quand même s'il la montre à un seul pote ?", "FR", "226-2-1"),
    ("只是穿内衣的照片，这也算吗？我在澳洲", "AU", "内衣"),
    ("is it my fault because i took the picture", None, "not your fault"),
])
def test_a_person_unsure_it_counts_is_told_first_that_it_can(full_service, question, place, first):
    """Doubt comes first for many ("I sent it myself", "it's only underwear", "is it my fault?"): the first line says
    that it can count, in the person's own place's terms, or that it is not their fault, before the steps. Before the
    does-it-count card these got the generic first steps or a card about something else."""
    result = full_service.ask(question, place)
    assert result.route in ("answer", "crisis")
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert first in direct.lines[0].text, direct.lines[0].text


@pytest.mark.parametrize("question", ["can i sue him?", "is it a crime if he posts it?", "peut-on le poursuivre ?"])
def test_when_the_place_is_unknown_no_single_countrys_page_is_quoted(full_service, question):
    """The card asks where the person is; until then, what it quotes beside the card applies everywhere (not a
    Chinese court's ruling for someone who may be in New York)."""
    from assistant.knowledge.documents import load_documents

    docs, _ = load_documents(full_service.settings.knowledge_dir)
    places = {d.meta.id: set(d.meta.jurisdictions) for d in docs}
    result = full_service.ask(question)
    assert result.card and result.needs_place
    quoted = {c.doc_id for c in result.citations}
    assert all("GLOBAL" in places[doc_id] for doc_id in quoted), quoted


def test_a_stated_age_changes_the_help_and_is_not_asked_again(full_service):
    result = full_service.ask("I'm 15 and a guy says he'll post my pics unless I pay him")
    assert "Take It Down" in result.answer and "StopNCII" not in result.answer
    assert not result.needs_age


def test_rewording_every_message_keeps_the_banner_and_the_place_question(full_service, monkeypatch):
    reworded = {key: {lang: f"Reworded {key} ({lang})." for lang in table} for key, table in messages.MESSAGES.items()}
    monkeypatch.setattr(messages, "MESSAGES", reworded)
    conv = Conversation()
    crisis = full_service.ask("I can't go on, I want to end my life tonight")
    turn = conv.start("I can't go on, I want to end my life tonight")
    finish(conv, turn, crisis)
    banner = render_crisis_banner(conv, "en")
    assert crisis.crisis_lines and "988" in banner and "116 123" in banner
    asked = full_service.ask("Is it a crime to share someone's nudes without consent?")
    later = conv.start("Is it a crime to share someone's nudes without consent?")
    finish(conv, later, asked)
    assert asked.needs_place and later.offer_places
    assert "Reworded" in asked.answer  # the message really was reworded


def test_a_line_links_to_the_most_reliable_of_its_own_sources():
    doc = Document(id="d:s:1", page_content="- A line. <!-- source: https://a.example/x https://b.example/y -->",
                   metadata={"doc_id": "d", "title": "T", "section": "S", "url": "https://page.example/",
                             "publisher": "Page", "line_sources": json.dumps({"https://a.example/x": ["A", "secondary"],
                                                                              "https://b.example/y": ["B", "official"]})})
    cites = Citations()
    line = cites.line(doc, "A line.", "https://a.example/x https://b.example/y")
    assert line.n == 1 and cites.items[0].url == "https://b.example/y" and cites.items[0].publisher == "B"
    assert cites.line(doc, "Another.", None).n == 2 and cites.items[1].url == "https://page.example/"


def test_the_steps_do_not_say_the_direct_answer_again(full_service):
    """A hidden camera: the direct answer says "do not touch it, photograph it, leave and call the police"; the list
    then began with the same two actions, and the place's own number fell off the end of it."""
    result = full_service.ask("I just found a camera hidden in the smoke detector of my Airbnb in Manchester")
    direct = next(b for b in result.blocks if b.kind == "direct")
    steps = next(b for b in result.blocks if b.kind == "steps")
    assert "camera" in direct.lines[0].text
    assert not any(line.text.startswith(("Leave the camera", "Do not touch")) for line in steps.lines)
    assert "999" in result.answer or "101" in result.answer


def test_a_supporting_passage_is_not_news_or_statute_history(full_service):
    """"Someone wants 500 Australian dollars": the word for the currency matched a court case ("on 2025-09-26 the
    Federal Court ordered Rotondo to pay $343,500"), quoted to a frightened 19-year-old as if it answered her."""
    result = full_service.ask("有人要我付500澳元 不然就把我裸照发给我ins好友 我才19 该付吗")
    assert result.jurisdiction == "AU" and "不要付钱" in result.answer
    assert "Rotondo" not in result.answer and "2025-09-26" not in result.answer


def test_a_chinese_line_that_dates_a_statute_is_history_too(full_service):
    """A date written straight before Chinese text ("自2016-03-01起") was not read as a date (no word boundary between
    a digit and a Chinese character), so statute history reached Chinese answers that English and French ones were
    spared: "《反家庭暴力法》自2016-03-01起规定了人身安全保护令" to a woman asking whether she can get a protection order."""
    result = full_service.ask("前任说我要是敢分手就把床照发给我爸妈，我能申请那个什么保护令吗", "CN")
    assert "保护令" in result.answer
    assert "2016-03-01" not in result.answer, result.answer


def test_the_question_not_the_story_chooses_the_answer(full_service):
    """A parent's long story (a 12-year-old, a man on Discord, a threat) is close to every example of the card; its
    one question, "should I close her account?", is what a caseworker answers first: not yet, it is evidence."""
    result = full_service.ask("We live in Nantes. My daughter is 12 and a grown man she met on Discord got her to "
                              "take photos, and now he says he will post them. Should I close her Discord account "
                              "right away?")
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert "delete" in direct.lines[0].text and "evidence" in direct.lines[0].text, direct.lines[0].text


def test_the_story_breaks_the_tie_when_the_question_says_nothing(full_service):
    """"Par quoi on commence ?" says nothing of which answer; the story (a 14-year-old who sent a photo that now goes
    round her class) does: do not blame her. Chosen by the question alone, the answer was "do not delete the chat
    yet", written for a child being threatened."""
    result = full_service.ask("Ma fille de 14 ans a envoyé une photo d'elle à un garçon et maintenant elle tourne dans "
                              "un groupe de sa classe. Par quoi on commence ?")
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert result.card == "minor-images" and direct.lines[0].text.startswith("Ne blâmez pas"), direct.lines[0].text


@pytest.mark.parametrize("where, scotland", [("I live in Glasgow", True), ("I live in Manchester", False)])
def test_scotlands_own_law_is_for_people_in_scotland(full_service, where, scotland):
    """Section 66B covers England and Wales; Scotland has its own offence (2016 Act, section 2). A person in Glasgow
    gets Scotland's (until the thirtieth session, both); a person in Manchester is not given another nation's law."""
    result = full_service.ask(f"is it a crime to share someone's nudes? {where}")
    assert result.jurisdiction == "UK" and ("66B" in result.answer) is not scotland
    assert ("Abusive Behaviour and Sexual Harm (Scotland) Act 2016" in result.answer) is scotland


def test_a_supporting_passage_never_tells_of_a_death(full_service):
    """A roommate asking how to get photos off Tieba quietly was given, on the shared word "photos", a court case's
    facts: a woman who took her own life after her photos were spread."""
    result = full_service.ask("My roommate in Beijing found her photos in a Baidu Tieba thread. She wants them gone "
                              "but doesn't want her parents or her school to find out. Is there a way to do it quietly?")
    assert result.jurisdiction == "CN" and "Baidu" in result.answer
    assert "own life" not in result.answer


@pytest.mark.parametrize("question, place, must", [
    ("I can't afford a lawyer, is there free legal help? I'm in Lyon", "FR", "116 006"),
    ("没钱请律师，有没有免费的法律咨询？我在成都", "CN", "12348"),
    ("je n'ai pas les moyens de payer un avocat, il existe une aide ?", "FR", "116 006"),
])
def test_a_person_asking_for_free_legal_help_gets_their_places_legal_lines(full_service, question, place, must):
    """Free legal advice had no card of its own: "有没有免费的律师" was given the myths card, whose first line is about
    consent. Now the legal-help card answers, with the person's own place's line (12348, 116 006, aide
    juridictionnelle) and no other place's."""
    result = full_service.ask(question, place)
    assert result.card == "legal-help", result.card
    assert must in result.answer
    assert place_violations(result.answer, place) == set()


def test_a_friend_of_a_threatened_teenager_is_spoken_to_as_the_friend(full_service):
    """The card on a minor's images spoke only to the teenager or a parent: a friend who wrote was told "this is not
    your fault" and "tell an adult you trust" as if the images were theirs. Now the friend's own lines: what to say to
    the friend, and not to look at or keep the images."""
    result = full_service.ask("my friend is 14 and a man online says he'll post her nudes unless she sends more, "
                              "she told me and nobody else")
    assert result.card == "minor-images"
    ack = next(b for b in result.blocks if b.kind == "ack")
    assert "your friend" in ack.lines[0].text
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert "not their fault" in direct.lines[0].text and "adult they trust" in direct.lines[0].text


def test_a_helper_who_names_what_happened_gets_that_situations_card(full_service):
    """A friend asking how to help someone being sextorted was given the helpers' card ("believe them"), without
    "Do not pay". A helper who names what happened now gets the card for that situation, thanked as the helper (not
    told "it is not your fault" as if the images were theirs); one who only asks how to help keeps the helpers' card."""
    named = full_service.ask("my friend is being blackmailed for money over a video call recording, he wants to pay, "
                             "how do I help him")
    assert named.card == "sextortion-pay"
    ack = next(b for b in named.blocks if b.kind == "ack").lines[0].text
    assert ack == messages.message("helper_ack", "en")
    assert "do not pay" in next(b for b in named.blocks if b.kind == "direct").lines[0].text.lower()
    general = full_service.ask("how do I support my friend? her nudes got shared")
    assert general.card == "helping-friend"
    assert next(b for b in general.blocks if b.kind == "ack").lines[0].text != messages.message("helper_ack", "en")


@pytest.mark.parametrize("question, must", [
    ("Namur here. I opened a StopNCII case but lost my PIN. Can they get it back for me?", "cannot be recovered"),
    ("Telegram donne l'IP à la police ?", "adresses IP"),
    ("StopNCII收费吗", "免费"),
])
def test_a_question_people_keep_asking_gets_its_literal_answer_first(full_service, question, must):
    """"Can I get my PIN back?", "does Telegram give the IP to the police?", "is it free?": the card's answer for
    that question leads (before the steps), not the card's general answer."""
    result = full_service.ask(question)
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert must in direct.lines[0].text


def test_a_places_second_line_comes_back_when_later_cuts_freed_the_room(full_service):
    """A woman in France threatened by her ex: the place's lines are cut to one early under the budget; when the
    later cuts (the lines for each age) leave room, 3919 comes back after the police."""
    result = full_service.ask("Mon mari menace de mettre nos vidéos intimes en ligne si je le quitte. J'habite Paris. "
                              "Qu'est-ce que je peux faire ?")  # ("Qui je peux appeler ?" now gets the helplines card)
    assert result.card == "ex-threatens" and "3919" in result.answer
    assert len(result.answer) <= full_service.settings.answer_max_chars


def test_with_the_age_unknown_one_ages_line_stays_when_only_one_fits(full_service):
    """Over the budget with the age unknown, the lines for each age go one at a time (the minors' first): a person
    in Belgium threatened by an ex keeps the adults' line (StopNCII) beside the EU's own."""
    result = full_service.ask("Il menace de tout publier si je le quitte. On vit en Belgique. Est-ce que la menace "
                              "seule est déjà punie ou il faut qu'il les ait publiées ?")
    assert "StopNCII" in result.answer and "2024/1385" in result.answer
    assert len(result.answer) <= full_service.settings.answer_max_chars


def test_someone_helping_a_victim_is_never_answered_as_the_person_who_shared(full_service):
    """A social worker whose client is the person in the images gets guidance for the victim; the card for people who
    shared images ("delete your copies") went to helpers whose message only named their role like its one example."""
    helper = full_service.ask("Je suis psychologue. Une patiente a découvert qu'une vidéo d'elle tournée par son ex "
                              "circule sur un site. Comment l'aider ?")
    assert helper.card not in (None, "i-shared"), helper.card
    sharer = full_service.ask("I'm a therapist and my client told me he shared his ex's intimate photos in a group "
                              "chat. How should I guide him?")
    assert sharer.card == "i-shared"


def test_a_helpers_question_about_the_law_gets_their_places_law(full_service):
    """Of two answers as specific (the friend's, the place's), the place's: a friend in France asking what the offence
    is gets the article, not only "believe them". The law card, which this question now gets, answers for secret
    filming with its own law (226-1), not the law on sharing (226-2-1)."""
    result = full_service.ask("Mon meilleur ami a découvert qu'un collègue le filmait en cachette dans les vestiaires "
                              "de son travail à Lille. C'est quoi l'infraction exactement ?")
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert result.card in ("hidden-camera", "is-it-a-crime") and "226-1 " in result.answer
    assert result.card == "hidden-camera" or "226-1 " in direct.lines[0].text
    assert place_violations(result.answer, "FR") == set()


def test_a_question_whether_it_is_a_crime_gets_the_law_whatever_the_story(full_service):
    """The story is another card's (a teenager's images shown around), the question is the law's: the law card's
    answer for the person's place comes with the card's own."""
    result = full_service.ask("im 15 and a boy in my class screenshotted my snap and sent it to half the school. "
                              "we're in Texas. is that even a crime?")
    assert result.card == "minor-images"
    assert "TAKE IT DOWN Act" in result.answer
    assert place_violations(result.answer, "US") == set()
    # with the place unknown, only because the question asks: the law for everywhere, and the card asks where
    unplaced = full_service.ask("im 15 and a boy in my class screenshotted my snap and sent it to half the school. "
                                "is that even a crime?")
    law = [b for b in unplaced.blocks if b.kind == "passage" and "crime" in (b.heading or "")]
    assert unplaced.card == "minor-images" and law and unplaced.needs_place
    told = full_service.ask("im 15 and a boy in my class screenshotted my snap and sent it to half the school.")
    assert not any(b.kind == "passage" and "crime" in (b.heading or "") for b in told.blocks)
    # a message of one sentence, with no question mark, is its own question: it names the law, so it asks it
    short = full_service.ask("im 16 is sextortion illegal")
    assert short.card != "is-it-a-crime" and short.needs_place
    assert any(b.kind == "passage" and "crime" in (b.heading or "") for b in short.blocks)


@pytest.mark.parametrize("question, language, must", [
    ("my ex still knows my instagram password and my pics ended up in a group chat", "en",
     ("password", "2-step verification", "never had access")),
    ("on m'a piraté mon compte google et des photos intimes de moi circulent, je fais quoi", "fr",
     ("de passe", "double authentification")),
    ("我的云相册被人登录了，私密照被发出去了，怎么办", "zh", ("密码", "双重验证")),
])
def test_someone_in_their_accounts_is_told_to_lock_them_from_a_safe_device(full_service, question, language, must):
    """A person whose accounts or phone someone got into: keep the evidence, then change the passwords from a device
    the other person never had, log out the other sessions, turn on 2-step verification."""
    result = full_service.ask(question)
    assert result.card == "account-access" and result.language == language
    assert all(word in result.answer for word in must), result.answer


@pytest.mark.parametrize("question, place, law", [
    ("Mon ex a mis mes photos intimes sur Instagram, je fais quoi ? J'habite à Lyon.", None, "226-2-1"),
    ("my ex put my nudes on a porn site, what do i do first", "UK", "66B"),
    ("前男友把我的私密照发到了网上，怎么办", "US", "TAKE IT DOWN"),
])
def test_a_person_whose_place_is_known_is_told_it_is_a_crime_there(full_service, question, place, law):
    """What a caseworker says early, asked or not: "Yes, that is a crime here", with the place's own law, and no other
    place's."""
    result = full_service.ask(question, place)
    assert result.card != "is-it-a-crime" and law in result.answer
    assert place_violations(result.answer, result.jurisdiction) == set()
    assert len(result.answer) <= full_service.settings.answer_max_chars


@pytest.mark.parametrize("question, place, first", [
    ("I'm in Cardiff. Instagram says the post with my photos doesn't break their rules. Is there anything else I can "
     "do?", None, "not the end"),
    ("TikTok m'a répondu que la vidéo ne viole pas ses règles. C'est moi, sans mon accord. Je fais quoi maintenant ?",
     "FR", "contester"),  # in France the EU's own answer: the DSA's free internal complaint
    ("我举报了，微博说不违规，还能做什么？", "CN", "1195"),
    # The same example asks for each place's answer: before it was stored once per place, only the first place's
    # answer (the US's) had it, and a person in the EU or China was told again how to find the Report button.
    ("the site refuses to take down my video, are they allowed to?", "EU", "challenge"),
    ("the site refuses to take down my video, are they allowed to?", "CN", "1195"),
])
def test_a_report_the_platform_rejected_gets_what_to_do_next(full_service, question, place, first):
    """Someone who already reported and was told "no violation" is not told again how to find the Report button:
    the answer is that the reply is not the end (report again with the right reason, keep the reply), or where the
    law gives a way to challenge it, that way (the DSA's internal complaint in France, art. 1195 in China)."""
    result = full_service.ask(question, place)
    direct = next(b for b in result.blocks if b.kind == "direct")
    assert first in direct.lines[0].text, direct.lines[0].text


def test_a_question_that_only_points_back_at_the_story_does_not_choose_the_answer():
    """"sérieux ??" or "c'est normal ?" at the end of a message asks about the story before it: the whole message,
    not those two words, says what is asked."""
    from assistant.safety.sentences import asked_sentences

    story = "J'ai signalé le compte, réponse automatique : aucune violation constatée."
    assert asked_sentences(f"{story} sérieux ??") is None
    assert asked_sentences(f"{story} C'est normal ?") is None
    assert asked_sentences(f"{story} Je peux le signaler à nouveau ?") == "Je peux le signaler à nouveau ?"
    assert asked_sentences("平台说没违规。是吗？") is None
    assert asked_sentences("平台说没违规。还能报警吗？") == "还能报警吗？"


def test_a_screenshot_of_a_post_is_never_advised_when_the_images_show_someone_under_18():
    from assistant.answer.cards import tells_to_screenshot

    assert tells_to_screenshot("Take a separate screenshot of each post or message, showing the URL.")
    assert tells_to_screenshot("举报之前，先截图，截图里要有链接（URL）、用户名和日期。")
    assert tells_to_screenshot("If a screenshot is not possible, take a photo of the screen with another device.")
    assert not tells_to_screenshot("Do not save or screenshot the images; write down the link and the username.")
    assert not tells_to_screenshot("Save the threats first: screenshot each message with the person's name.")
    assert not tells_to_screenshot("N'enregistrez pas et ne capturez pas les images, même pour les signaler.")


@pytest.mark.parametrize("question, language", [
    ("My student is 14 and a nude of her is going round on Instagram. Should I keep screenshots for the police?", "en"),
    ("我女儿15岁，她的裸照在QQ群里传，我要不要先截图留证据？", "zh"),
    ("Ma fille a 15 ans, sa photo nue circule sur Snapchat. Je dois faire des captures d'écran pour la police ?", "fr"),
])
def test_evidence_for_a_minors_images_is_notes_not_screenshots(full_service, question, language):
    """Saving a nude image of someone under 18 may be a crime, whoever saves it: the steps say to write down where it
    is, not to screenshot the post or photograph the screen, and give Take It Down. (A place's own line is kept as
    it is: China's 12377 line asks for screenshots with the report, and its number matters more.)"""
    import re

    from assistant.answer.cards import tells_to_screenshot

    result = full_service.ask(question, language_hint=language)
    # the evidence card, or the card for a minor's images (its answer: "do not screenshot the images")
    assert result.card in ("evidence", "minor-images") and "Take It Down" in result.answer
    steps = [line.text for block in result.blocks if block.kind in ("steps", "passage") for line in block.lines]
    general = [line for line in steps if not re.search(r"\b(?:110|12377|17|112|999|911|000)\b", line)]
    assert general and not [line for line in general if tells_to_screenshot(line)]



@pytest.mark.parametrize("question, place", [
    ("he posted it on twitter help", None),  # the X page says "X"; the message says "twitter"
    ("deepfake de moi sur X", "US"),
])
def test_a_named_platforms_own_page_is_quoted_beside_the_card(full_service, question, place):
    result = full_service.ask(question, place)
    assert result.route == "answer" and result.card is not None
    passages = [block.heading or "" for block in result.blocks if block.kind == "passage"]
    assert any(heading.rstrip().endswith((" X", " X (Twitter)")) or " X " in heading for heading in passages), passages
    assert len(result.answer) <= full_service.settings.answer_max_chars


@pytest.mark.parametrize("question, place, said", [
    ("3018 c'est payant ?", None, "gratuit"),
    ("3018 open on sundays?", None, "7 days a week"),
    ("stopncii会看到我照片吗", None, "哈希"),
    ("Take It Down c'est en français ?", None, "français"),
    ("Mon copain menace de poster nos vidéos. Si je fais un dossier StopNCII maintenant, je pourrai l'annuler plus "
     "tard ?", None, "retirer plus tard votre dossier"),
    # where it works (answer batch 45's tuning half: "Take It Down marche en France ?" was told how hashing works)
    ("can i use take it down from outside the US? photos from when i was 16", None, "anywhere in the world"),
    ("Take It Down, ça fonctionne depuis la Suisse ?", None, "partout dans le monde"),
    ("Take It Down在中国能用吗", None, "世界任何地方"),
    # the one who did it, or the site, abroad: the person's own residence is what counts (answer batch 45)
    ("he moved overseas last year, can eSafety still do anything? I'm in Perth", None, "you live in Australia"),
    ("Mon ex est reparti vivre au Maroc, l'eSafety peut agir quand même ? j'habite à Brisbane", None,
     "vous vivez en Australie"),
    ("前任回国了，eSafety还能管吗？我在悉尼", None, "住在澳大利亚"),
    # what a service is only for (answer batch 46: "Pharos ... ou c'est seulement pour les sites web ?" was told how to
    # appeal a platform's refusal under the DSA)
    ("Je peux signaler une chaîne Telegram publique sur Pharos, ou c'est seulement pour les sites web ?", None,
     "PHAROS"),
])
def test_a_question_about_a_named_service_is_answered_first(full_service, question, place, said):
    """"3018 c'est payant ?" was answered "Ne payez pas" by the sextortion card and "3018 open on sundays?" with the
    first steps and "tell me what happened": the guidance's own line about the service comes first now."""
    result = full_service.ask(question, place)
    first = next(block for block in result.blocks if block.kind == "direct")
    assert said in first.lines[0].text, result.answer
    assert not result.answer.startswith(("I'm here to help", "Je suis là", "我在这里"))
    assert len(result.answer) <= full_service.settings.answer_max_chars


@pytest.mark.parametrize("question, place, said", [
    ("pharos c un numéro a appeler ?", None, ("PHAROS est le portail officiel",)),
    ("revenge porn helpline pour les mineurs ?", "UK", ("aide les adultes",)),
    ("12338 ou 12377 ?", "CN", ("12338", "12377")),
])
def test_a_half_known_service_is_said_for_what_it_is(full_service, question, place, said):
    """Asked whether PHAROS is a number to call, Recourse said "call 3018" and never what PHAROS is; asked which of
    12338 and 12377, it listed the 12356 line first and never said what 12377 takes (answer batch 44's tuning
    half): the guidance's own line saying what each service is, or whom it is for, comes first now."""
    result = full_service.ask(question, place)
    direct = " ".join(line.text for block in result.blocks if block.kind == "direct" for line in block.lines)
    assert all(words in direct for words in said), result.answer
    assert len(result.answer) <= full_service.settings.answer_max_chars


@pytest.mark.parametrize("question", ["X上举报了多久能删掉", "推特上举报以后要多久才删"])
def test_how_long_is_answered_with_the_guidances_duration(full_service, question):
    """Asked how long a removal takes, naming no service, the answer said what to do and never how long (answer batch
    45's tuning half, a spent hold-out): the line of the guidance it draws on that says the duration ("... 48小时")
    comes first now, as a named service's facts do."""
    result = full_service.ask(question)
    direct = " ".join(line.text for block in result.blocks if block.kind == "direct" for line in block.lines)
    assert "48小时" in direct, result.answer
    assert len(result.answer) <= full_service.settings.answer_max_chars


def test_how_long_of_a_named_service_is_said_with_a_duration(full_service):
    """"Take It Down Act, quel délai ?" was answered with the line that names the Act's bill number ("adoptée sous le
    numéro de projet S. 146": the word of "sous 48 heures", no duration), not with the 48 hours (answer batch 51's
    tuning half)."""
    result = full_service.ask("Take It Down Act, quel délai ?", "US")
    direct = " ".join(line.text for block in result.blocks if block.kind == "direct" for line in block.lines)
    assert "48 heures" in direct and "S. 146" not in direct, result.answer


def test_a_question_put_in_the_negative_is_not_answered_yes(full_service):
    """"报警是不是没用？" (is reporting useless?) was answered "可以：先保存链接 ..." ("Yes: save the links"), which reads as
    "yes, it is useless": the card's line stands without its verdict."""
    result = full_service.ask("报警是不是没用？视频在国外网站上", "CN")
    first = next(block for block in result.blocks if block.kind == "direct").lines[0].text
    assert not first.startswith(("可以", "是的")), result.answer


@pytest.mark.parametrize("question, place", [
    ("My ex posted my photos and the people sharing them are in China. Should I report to the UK police or the "
     "police in China?", "UK"),
    ("在英国，先打Revenge Porn Helpline还是先报警？", "UK"),
    ("Le site a recopié la vidéo. Je dois porter plainte en France ou en Belgique ?", None),
])
def test_a_choice_between_two_things_is_not_answered_yes(full_service, question, place):
    """"Should I report to the UK police or the police in China?" was answered "Yes, you can report it to the police on
    101": a "Yes" to a choice answers neither option (tuning halves 1-63: 29 answers opened so)."""
    result = full_service.ask(question, place)
    first = next(block for block in result.blocks if block.kind == "direct").lines[0].text
    assert not first.lower().startswith(("yes", "oui", "可以", "是的")), result.answer


def test_the_services_line_is_said_once(full_service):
    """The line answering "without my name?" came first and again as the place's step for Australia."""
    result = full_service.ask("can I report to eSafety without giving my name?", "AU")
    assert result.answer.count("report to eSafety anonymously") == 1, result.answer


def test_a_service_of_another_place_is_not_answered_about_for_a_person_elsewhere(full_service):
    """3018 is France's: a person in Namur (Belgium) who asks about it is not told its hours as if it were theirs."""
    result = full_service.ask("I live in Namur. Is 3018 free?")
    assert "3018 is free" not in result.answer and "3018" not in "".join(
        line.text for block in result.blocks if block.kind == "direct" for line in block.lines)


def test_a_sextorted_teenager_is_told_to_ask_an_adult_and_their_parent_is_not(full_service):
    teen = full_service.ask("im 15 and a guy on snap wants 200 dollars or he sends my pics to everyone. should i pay")
    direct = next(b for b in teen.blocks if b.kind == "direct")
    assert direct.lines[0].text.lower().startswith("do not pay")
    assert any("adult you trust" in line.text for line in direct.lines)
    parent = full_service.ask("my son is 15, a guy on snap wants 200 dollars or he sends his pics to everyone. should we "
                              "pay")
    assert "do not pay" in parent.answer.lower() and "adult you trust" not in parent.answer


def test_a_parent_is_not_told_to_tell_an_adult_they_trust(full_service):
    result = full_service.ask("my daughter is 16, her ex is threatening to post her nudes if she doesn't get back with "
                              "him. what do we do")
    assert result.card == "ex-threatens"
    assert "do not pay" in result.answer.lower() and "adult you trust" not in result.answer


def test_a_threatened_person_in_france_is_told_sharing_would_be_a_crime_there(full_service):
    result = full_service.ask("my ex says he will post our photos if I leave him. I live in Lyon. Can he do that?")
    assert result.card == "ex-threatens" and result.jurisdiction == "FR"
    direct = " ".join(line.text for block in result.blocks if block.kind == "direct" for line in block.lines)
    assert "do not pay" in direct.lower() and "226-2-1" in direct
    assert not place_violations(result.answer, "FR")


def test_a_teacher_writing_about_a_deepfake_is_told_the_deepfakes_law_not_the_law_on_real_images(full_service):
    result = full_service.ask("青岛，初二班主任。班里几个男生用一个“一键换装”的app把一个女同学的生活照弄成了不雅图，在QQ群里传。"
                              "这事够得上违法吗？")
    assert result.card in ("educator", "deepfake") and result.jurisdiction == "CN"
    assert "1019" in result.answer or "深度合成" in result.answer
    # the law card's line on how covert filming cases end is not this situation's (China's law on spreading
    # someone's intimate images, art. 80, is)
    assert "偷拍案件" not in result.answer and "偷拍会受到处罚" not in result.answer, result.answer


@pytest.mark.parametrize("question", [
    "quelqu'un a mis mes photos dans un canal telegram, je suis à Lyon, je fais quoi",
    "quelqu'un a posté mes photos sur un forum, je vis à Bordeaux",
])
def test_with_the_age_unknown_a_line_against_saving_the_images_says_it_is_for_under_18s(full_service, question):
    """The age unknown, the steps may say to photograph the screen and, beside them, not to save or screenshot the
    images (the line for under-18s): that line says whom it is for, so the list does not contradict itself. (These
    answers show the line; in the other languages the same lines are held to it by `kb validate`.)"""
    import re

    result = full_service.ask(question)
    assert result.route == "answer" and result.card is not None
    steps = [line.text for block in result.blocks if block.kind == "steps" for line in block.lines]
    against = [line for line in steps
               if re.search(r"(?i:do not save|not .{0,20}screenshot|ne les enregistrez pas|n'enregistrez pas)|不要保存|不要截图",
                            line)]
    assert against and all("18" in line for line in against), steps


@pytest.mark.parametrize("question", [
    "我女儿14岁，有人把她的照片发到了Instagram上，怎么办",
    "my daughter is 14 and a boy posted her photo on instagram, what do we do",
    "ma fille de 14 ans, sa photo intime est sur instagram, que faire",
])
def test_a_platforms_stopncii_passage_is_not_given_for_a_minors_images(full_service, question):
    """StopNCII.org is for images of adults; a platform page's passage on it ("Facebook, Instagram and Threads are
    StopNCII partners") was added beside the answer for a 14-year-old's photo on Instagram."""
    from assistant.answer.cards import for_adults_only

    result = full_service.ask(question)
    assert result.route == "answer" and result.card is not None
    adults_only = [line.text for block in result.blocks for line in block.lines
                   if for_adults_only(line.text) or for_adults_only(block.heading or "")]
    assert not adults_only, adults_only


@pytest.mark.parametrize("question, word", [
    ("my 15 year old daughter's nude photo is being shared in a whatsapp group at her school, what do we do",
     "encrypted"),
    ("ma fille a 15 ans, sa photo intime tourne dans un groupe whatsapp du collège, on fait quoi", "chiffrées"),
])
def test_take_it_down_for_a_childs_image_says_it_does_not_work_on_encrypted_platforms(full_service, question, word):
    """A parent whose child's image is in a WhatsApp group was told to use Take It Down, with nothing on where it does
    not reach: it cannot remove anything from encrypted platforms (its FAQ)."""
    result = full_service.ask(question)
    assert "Take It Down" in result.answer and word in result.answer, result.answer


def test_a_reference_answer_never_quotes_a_victims_death(full_service):
    """A friend asking what proof the police need was answered from the page of Chinese guiding cases, whose line
    "a man who spread a woman's nude photos, after which she took her own life" was quoted to her. Neither composer
    quotes a line that tells of a victim's suicide (the card composer already did not)."""
    from assistant.answer.compose import compose_answer, tells_of_a_death

    snapshot = full_service.snapshot()
    page = [doc for doc in snapshot.group_sections("china-criminal-law", "en") if "138" in doc.page_content]
    assert page and any(tells_of_a_death(line) for line in page[0].page_content.splitlines())
    composed = compose_answer("guiding case 138 nude photos spread woman", "en", [(page[0], 4)], jurisdiction=None)
    assert "Guiding case" in composed.answer and not tells_of_a_death(composed.answer), composed.answer


@pytest.mark.parametrize("question", [
    "j'ai 16 ans, je vis à Glasgow, un garçon a posté ma photo sur discord, comment la faire enlever",
    "I'm 17, in Edinburgh, someone posted my photo on a discord server, how do I get it removed",
])
def test_beside_another_cards_answer_a_person_in_scotland_gets_scotlands_law(full_service, question):
    """When another card answers and one law line fits, it is the person's own nation's: Scotland's 2016 Act for a
    person in Glasgow or Edinburgh, not England and Wales's section 66B."""
    result = full_service.ask(question)
    assert result.jurisdiction == "UK" and result.card not in (None, "is-it-a-crime")
    law = [line.text for block in result.blocks if block.kind == "passage" for line in block.lines
           if "66B" in line.text or "2016" in line.text]
    assert law and "2016" in law[0], law


@pytest.mark.parametrize("question, not_for_them", [
    ("I'm 17, in Edinburgh, someone posted my photo on a discord server, how do I get it removed", "Adults can"),
    ("I'm 30 and live in Leeds, my ex posted my photos in a telegram group, what do I do", "Under-18s can"),
])
def test_a_places_line_for_the_other_age_is_not_given(full_service, question, not_for_them):
    """A place's section writes some lines for one age: "Adults can call the Revenge Porn Helpline" is not for a
    17-year-old, "Under-18s can use Report Remove" not for a woman of 30, when they said their age."""
    result = full_service.ask(question)
    assert result.jurisdiction == "UK" and result.card is not None
    assert not_for_them not in result.answer, result.answer


def test_a_sextorted_teenagers_parent_in_the_uk_still_gets_the_police_numbers(full_service):
    """The sextortion card's UK line gave the adults' helpline and the police numbers in one sentence; read as for
    adults, it would have taken 101 and 999 away from the parent of a 15-year-old."""
    result = full_service.ask("We're in Cardiff. My son is 15 and someone on Snapchat wants money or they'll post his "
                              "photos. What do we do?")
    assert result.jurisdiction == "UK" and "999" in result.answer and "Adults can call" not in result.answer


@pytest.mark.parametrize("question", [
    "Will Telegram actually remove a channel that is sharing my roommate's pictures?",
    "How do I report a Telegram group sharing my photos?",
])
def test_what_telegram_does_is_quoted_not_the_news_about_it(full_service, question):
    """A friend asking whether Telegram will act was quoted "In 2025, news reports described a large Telegram forum
    ...": background a caseworker gives only to someone who asks about it."""
    result = full_service.ask(question)
    assert result.route == "answer"
    assert "news" not in result.answer.lower() and "2025" not in result.answer


def test_a_young_person_addressed_as_tu_is_asked_and_headed_as_tu(full_service):
    """The card's lines for a 15-year-old say "tu": the heading over them and the place question say it too, not
    "Ce que vous pouvez faire maintenant" over "Parles-en à un adulte de confiance"."""
    result = full_service.ask("j'ai 15 ans et une photo de moi tourne sur snap je fais quoi")
    assert "Parles-en" in result.answer or "Garde" in result.answer
    assert "Ce que tu peux faire maintenant" in result.answer and "Tu vis dans quel pays ?" in result.answer
    assert "Ce que vous pouvez faire maintenant" not in result.answer
    adult = full_service.ask("J'ai 34 ans, une photo intime de moi circule dans un groupe WhatsApp, que dois-je faire ?")
    assert "Ce que vous pouvez faire maintenant" in adult.answer and "Tu vis" not in adult.answer


def test_the_law_is_said_once_when_the_places_own_lines_say_it(full_service):
    """The person who shared, in France, read art. 226-2-1 under "Is it a crime in France?" and again in two of six
    steps; unasked, the law passage gives way to the place's own lines that already say it."""
    result = full_service.ask("我把同学的照片转到了群里,现在很后悔。有没有能匿名打电话问问的地方?", "FR")
    assert "226-2-1" in result.answer and "在法国这是犯罪吗" not in result.answer
    asked = full_service.ask("I shared a classmate's intimate photo in a group chat. Is that a crime in France?", "FR")
    assert "226-2-1" in asked.answer


def test_every_question_back_has_the_registers_its_headings_have():
    """A French answer whose steps say "tu" asks its question back in "tu" too, whichever question it is."""
    for key in ("ask_place", "ask_place_listed", "ask_age"):
        assert messages.message(key, "fr", familiar=True) != messages.message(key, "fr")
        assert messages.message(key, "en", familiar=True) == messages.message(key, "en")


def test_after_every_place_s_lines_the_question_back_does_not_list_the_places_again(full_service):
    """A calm question the router reads as a possible crisis, place unknown: the lines to call for every place come
    first, and the question back asks where the person is without naming the six places a second time, so the room
    goes to the answer (on the answer batches' tuning halves +7 facts, on the spent hold-outs +14)."""
    result = full_service.ask("lost my stopncii PIN")
    assert result.route == "crisis", "the router no longer reads this as a possible crisis: pick another message"
    assert result.answer.count("Australia") == 1, result.answer
    assert "Which country are you in?" in result.answer and "cannot be recovered" in result.answer


def test_after_the_lines_to_call_the_named_platform_s_page_still_answers(full_service):
    """A possible crisis gets the card's answer after the lines to call, with the same supporting passage as any other
    answer: the page of the platform the person names says how it is done there (before, the answer after the lines
    had no supporting passage: on the answer batches' tuning halves +6 facts, on the spent hold-outs +4)."""
    result = full_service.ask("前男友把我的照片发到X上了，我举报了，X最晚多久要删？这几天都睡不着")
    assert result.route == "crisis", "the router no longer reads this as a possible crisis: pick another message"
    lines_end = result.answer.index("关于你的问题")
    assert "@用户名" in result.answer[lines_end:], result.answer


@pytest.mark.parametrize("question, verdict_kept", [
    ("comment supprimer une vidéo de moi", False),
    ("how do i get my pics off google", False),
    ("网上的照片怎么删", False),
    ("Quand on tape mon nom sur Google, il y a un lien vers une vidéo de moi. Google peut enlever ça ?", True),
    ("can google remove my nudes from search?", True),
    # "Yes" to "is he right?" reads as agreeing with what he said, whichever way it went
    # (without the rule: "Yes, it is illegal: section 66B ...", "是的，这是违法的：...")
    ("We're in Leeds. My brother's ex says she'll post his nudes. He thinks the police won't care because it's only a "
     "threat. Is he right?", False),
    ("纽卡斯尔。来访者的前任威胁要发她的私密视频，警察说还没发不构成犯罪。这个说法对吗？", False),
    # "must I?" answered "Yes, you can ..." reads as "yes, you must" (without the rule: "Yes, you can report it to
    # the police on 101", "Oui, vous pouvez porter plainte")
    ("I'm in Leeds. Do I need a solicitor before I go to the police about my ex posting my pictures?", False),
    ("Je suis à Rennes. Pour porter plainte, je suis obligée de montrer la vidéo aux policiers ?", False),
    # a message that asks nothing, a statement or a bare request: "Yes" answers a question no one asked (without the
    # rule: "Yes: report each page to the site ...", "Oui : signalez chaque page au site ...")
    ("he already posted my nudes on twitter, in the UK", False),
    ("mon ex a publié nos vidéos sur un site porno, je suis à Lyon", False),
])
def test_a_how_question_or_a_check_of_what_was_said_is_not_answered_yes(full_service, question, verdict_kept):
    """A card's direct answer opens with its verdict for the question it answers most ("Yes: Google and Bing each let
    you ask ..."); to "how do I ...?" that "Yes" answers nothing asked, to "is he right?" it agrees with what he
    said, and "Yes, you can" to "do I have to?" says "you must", so it is dropped and the rest of the line stands. A
    yes-or-no question keeps it."""
    result = full_service.ask(question)
    direct = next(b for b in result.blocks if b.kind == "direct")
    first = direct.lines[0].text
    opens = first.lower().startswith(("yes", "oui", "是的", "可以：", "可以，"))
    assert opens == verdict_kept, first
    assert markers_match(result.answer, [c.to_dict() for c in result.citations])


@pytest.mark.parametrize("question, own_law", [
    ("Derry here. My ex moved to England and he just made a new Instagram account to message me that he'll post my "
     "photos. Can police here do anything?", "Justice Act (Northern Ireland) 2016"),
    ("I live in Glasgow. My ex keeps threatening to share my intimate photos with my friends. What should I do?",
     "(Scotland) Act 2016"),
])
def test_a_person_in_scotland_or_northern_ireland_is_not_told_england_and_waless_law(full_service, question, own_law):
    """The UK's cards give England and Wales's section 66B when no nation is named; a person in Derry was told it as
    the answer itself (the ex-threatens card's line does not say "in England and Wales"). A line about the rest of
    the UK (places.yaml `rest`) is another place's for a person whose message names Scotland or Northern Ireland, and
    their own nation's law is given instead."""
    result = full_service.ask(question)
    assert result.jurisdiction == "UK"
    assert "66B" not in result.answer and "England and Wales" not in result.answer, result.answer
    assert own_law in result.answer, result.answer


def test_a_long_story_that_fits_no_card_as_a_whole_gets_the_card_of_its_clearest_sentence(full_service):
    """A long message tells where the person lives, where they come from and what was done, and its vector lies
    between the cards: the whole fits none ("I'm French but I've lived in Kalmar ... recorded our video call ...
    asking 5,000 kronor", answer batch 46's tuning half, got no card and three passages about Telegram). Its
    sentences, each matched alone, name the situation: the card of the one the model is surest of answers."""
    question = ("I'm a Kenyan student in Leeds. A guy I dated back home has put my private photos in a WhatsApp group "
                "of our old university friends in Nairobi. My English is fine but I don't understand the UK system. "
                "Do I report it here or in Kenya?")
    result = full_service.ask(question)
    assert result.route == "answer" and result.card is not None, result.answer
    assert any(block.kind == "steps" for block in result.blocks)
    assert len(result.answer) <= full_service.settings.answer_max_chars


def test_a_question_in_traditional_characters_is_answered_as_its_simplified_twin(full_service):
    """"我的私密照被前男友傳到網路上，要怎麼檢舉？" got the first steps while the same words in Simplified got the police
    card's answer: typed in Hong Kong or Taiwan, a question is now read as the guidance is written."""
    traditional = full_service.ask("我的私密照被前男友傳到網路上，要怎麼檢舉？")
    simplified = full_service.ask("我的私密照被前男友传到网路上，要怎么检举？")
    assert traditional.language == "zh" and traditional.card == simplified.card is not None
    assert traditional.answer == simplified.answer


def test_an_age_typed_with_a_phones_apostrophe_is_read(full_service):
    """Phones type "she’s 14", not "she's 14": the age went unread, and a pupil holding a 14-year-old's nude was told
    to keep screenshots as evidence. Read with a straight apostrophe, the answer is the one for a minor's image."""
    question = ("there's a pic of a girl from my class going round the group, she’s 14. I’ve got it on my phone now, "
                "should I keep it as proof?")
    result = full_service.ask(question)
    direct = " ".join(line.text for block in result.blocks if block.kind == "direct" for line in block.lines)
    assert "Do not save, screenshot or forward" in direct, result.answer
    assert result.answer == full_service.ask(question.replace("’", "'")).answer


def test_a_message_in_capitals_is_read_as_one_in_lower_case(full_service):
    """A frightened person may type in capitals; the models learnt from sentence case (answer batches 45 and 46's
    tuning halves in capitals held 176 and 185 facts, 206 and 205 as typed). "SOMEONE POSTED MY NUDES ON TWITTER ..."
    got the first steps; in lower case, the card for images on a site."""
    question = "someone posted my nudes on twitter how do i get them removed"
    shouted = full_service.ask(question.upper())
    assert shouted.card is not None and shouted.answer == full_service.ask(question).answer


def test_a_message_in_capitals_keeps_its_town(full_service):
    """The models read a shouted message in lower case, the place reader as typed: Lexington is also a word, read only
    with its capital, and lowered it was lost, so a person in Kentucky got every country's lines and "where are you?"."""
    result = full_service.ask("MY BOYFRIEND HAS VIDEOS OF ME ON HIS PHONE AND SAYS HE WILL POST THEM. I'M IN LEXINGTON, "
                              "WHO CAN HELP ME?")
    assert result.jurisdiction == "US", result.answer
    assert "911" in result.answer or "988" in result.answer or "Take It Down" in result.answer, result.answer
    for foreign in ("3018", "Samaritans", "eSafety", "12377"):
        assert foreign not in result.answer, result.answer


@pytest.mark.parametrize(("question", "place", "said"), [
    # "do I have to report again?" gets its yes first, in the person's language (the stop-reupload card)
    ("they got taken down and now theyre back up. do i report again?", None, "report it again"),
    ("elle a été supprimée et elle revient sur un autre site, je dois re-signaler ?", None, "signalez-la à nouveau"),
    ("照片删了又被传到别的网站了，还要再举报吗？", None, "需要再次举报"),
    # a person elsewhere in the EU gets the Digital Services Act's notice, not every place's lines
    ("I'm in Tampere, Finland. How do I stop my nudes from being reuploaded after they get taken down?", "EU",
     "Digital Services Act"),
])
def test_images_that_came_back(full_service, question, place, said):
    """Answer batch 47 ("it came back"): the person who already reported once asks whether to report again; a
    caseworker says yes, each new copy needs its own report. The card had no such answer and no section for the EU."""
    result = full_service.ask(question)
    assert result.jurisdiction == place
    assert said in result.answer, result.answer


@pytest.mark.parametrize(("question", "tool"), [
    # the person in the images an adult, or their age unsaid: StopNCII is theirs to use
    ("I forwarded my ex's nudes to a group chat last month and I regret it. What can I do to fix this?", "StopNCII"),
    ("J'ai transféré une vidéo intime de mon ex à des potes, je regrette, je fais quoi ?", "StopNCII"),
    ("我把前女友的私密照发到群里了，很后悔，怎么补救？", "StopNCII"),
    # under 18: Take It Down, first in its section so it stays when each section gives one line (the place unknown)
    ("I shared a pic of a girl from my class in our group chat, she's 15. How do I fix this?", "Take It Down"),
])
def test_a_person_who_shared_learns_the_tool_the_person_in_the_images_can_use(full_service, question, tool):
    """Someone who shared another person's images and wants to undo it is told what that person can use to stop the
    copies: before, the card named no tool for an adult, and its line on Take It Down came second in the section for
    under-18s, after a warning the steps already give, so it was cut whenever each section showed one line."""
    result = full_service.ask(question)
    assert result.card == "i-shared"
    assert tool in result.answer, result.answer


def test_someone_who_forwarded_a_video_gets_the_card_for_people_who_shared(full_service):
    """Written for this test. The situation model gives the i-shared card under 0.30 here; until 2026-12-06 that bar
    sent the message to an outline of reference pages that spoke to the person filmed ("If you think you were filmed
    without knowing"), not to the one who forwarded it."""
    result = full_service.ask("Someone in a group posted a secretly filmed video of a woman and I forwarded it before "
                              "thinking. Am I in trouble?")
    assert result.route == "answer" and result.card == "i-shared", result.card
    assert "forward" in result.answer.split("\n\n")[1].lower(), result.answer


@pytest.mark.parametrize("question, place, women_only", [
    ("Je suis un homme de 38 ans, mon ex-femme menace de publier nos vidéos si je ne lui laisse pas la maison. "
     "Qu'est-ce que je peux faire ?", "FR", "3919"),
    ("本人男，二十五岁。前女友说如果我不复合，就把我们的视频发到网上，我该怎么办？", "CN", "妇女权益保障法"),
])
def test_a_man_is_not_given_help_that_is_for_women_only(full_service, question, place, women_only):
    """France's 3919 is for women facing violence, China's Women's Rights Protection Law protects "女方": quoted to a man
    they read as the help there is, and it is not his (answer batch 55's tuning half: a counsellor asking for channels
    for a male student was told first that the law forbids leaking the woman's privacy). His own place's other help
    stays: the police and the courts."""
    result = full_service.ask(question, place)
    assert result.route == "answer", result.answer
    assert women_only not in result.answer, result.answer
    assert any(word in result.answer for word in ("police", "plainte", "报警", "110", "法院")), result.answer


@pytest.mark.parametrize("question", [
    "I'm a guy in Shenzhen, my ex-girlfriend says she'll post our videos unless I take her back. What can I do?",
    "我是男的，在杭州。前女友说我不复合就把视频发到我公司群里，我能做什么？",
])
def test_a_man_in_china_threatened_by_his_ex_is_told_of_the_courts_injunction(full_service, question):
    """Written for this test. China's protection order for an ex-partner's leak is under the Women's Rights Protection
    Law (a woman's); the personality-rights injunction of Civil Code art. 997 is anyone's. A man was given no court
    to turn to (the tuning halves: 17 of 21 questions that expected art. 997 were not told of it), and the line that
    names both ("Anyone, man or woman") was read as help for women only."""
    result = full_service.ask(question)
    assert result.card == "ex-threatens" and result.jurisdiction == "CN", (result.card, result.jurisdiction)
    assert "997" in result.answer, result.answer


def test_a_platform_without_a_page_keeps_other_platforms_pages_out(full_service):
    """A QQ group has no page of its own: the passage added beside the card's answer was "Save evidence before you
    report on WhatsApp" for a student whose photos were posted in a QQ group (answer batch 56's hold-out, read after
    its one measurement). Naming QQ says which platform it is, as naming one with a page does."""
    result = full_service.ask("I'm studying in Nottingham. A friend from home says somebody posted \"pics of me\" in a "
                              "private QQ group for my old class. She hasn't seen them and I'm not in the group. I did "
                              "send photos to a boyfriend when I was 20, so it might be real or it might be nothing. "
                              "Should I report in the UK or in China, and does it even count when I can't see them?")
    assert result.route == "answer", result.answer
    assert "WhatsApp" not in result.answer, result.answer


@pytest.mark.parametrize("question", [
    "我的视频被人传到Pornhub上了，在美国，怎么让它删掉",
    "someone put a video of me on xvideos, how do i get it taken down",
])
def test_an_adult_site_keeps_other_platforms_pages_out(full_service, question):
    """An adult site has a reference page, not a platform page: a woman whose video was on Pornhub was given "Save
    evidence before you report on TikTok or Douyin" beside the card's answer (answer batch 64's hold-out, read after its
    one measurement)."""
    result = full_service.ask(question)
    assert "TikTok" not in result.answer and "抖音" not in result.answer, result.answer


@pytest.mark.parametrize("question", [
    "I'm 16 and live in Leeds. I can't sleep since my pics got passed round, who can I talk to?",
])
def test_a_teenager_in_the_uk_is_told_of_report_remove_on_the_support_card(full_service, question):
    """Under 18 in the UK, the place's own removal route is Report Remove (Childline and the IWF), on every card that
    has lines for the UK: before, nine cards had none for a teenager, whose UK lines ("Adults can call the Revenge
    Porn Helpline") are not for them, so a 16-year-old in Leeds asking whom to talk to was never told of it."""
    result = full_service.ask(question)
    assert result.jurisdiction == "UK" and result.card == "support"
    assert "Report Remove" in result.answer


@pytest.mark.parametrize("question", [
    "My son is 14 and someone is blackmailing him for money over photos he sent. Do we pay?",
    "I'm 17. A guy from a dating app has my photos and wants 300 dollars by midnight. I haven't paid anything yet.",
])
def test_a_sextorted_minor_is_told_not_to_save_the_images(full_service, question):
    """Images of someone under 18 are not to be saved, screenshotted or shared, even as evidence (a parent who keeps
    them may commit a crime): the sextortion card's lines for a minor said only Take It Down, and 8 of the 8 labelled
    tuning questions that expected the warning on that card missed it."""
    result = full_service.ask(question)
    assert result.card == "sextortion-pay"
    assert "do not save, screenshot or share" in result.answer


@pytest.mark.parametrize("question, helper_line_given", [
    ("jai 16 ans jhabite a leeds un mec sur snap a des photos de moi je veux pas que mes parents sachent je peux faire "
     "report remove toute seule ou il faut un adulte", False),
    ("My daughter is 15, we're in Leeds. Can I use Report Remove for her as a parent?", True),
])
def test_a_line_spoken_to_helpers_is_not_said_to_the_young_person(full_service, question, helper_line_given):
    """What the guidance says about a service to the people helping ("If you are a parent, carer or teacher, tell the
    young person about Report Remove") answers a parent, not the 16-year-old asking whether she can use it alone: she
    was told it first."""
    result = full_service.ask(question)
    said = result.answer.lower()
    assert any(words in said for words in ("if you are a parent", "si vous êtes parent")) is helper_line_given
    assert "report remove" in said


@pytest.mark.parametrize("question, says", [
    ("jai 16 ans jhabite a leeds un mec sur snap a des photos de moi je veux pas que mes parents sachent je peux faire "
     "report remove toute seule ou il faut un adulte", "sans l'aide d'un adulte"),
    ("can I use report remove on my own? im 15 in leeds", "on your own, without the help of an adult"),
    ("我16岁在英国 report remove我自己能用吗", "不需要成年人"),
])
def test_a_teenager_asking_whether_they_can_use_a_service_alone_is_told_first(full_service, question, says):
    """"Can I do Report Remove on my own, or do I need an adult?" is answered with the guidance's own line ("You can
    use Report Remove on your own, without the help of an adult") before the card's answer; that line names an adult,
    so it read as a line for adults and was never said to the 16-year-old who asked."""
    result = full_service.ask(question)
    direct = [line.text for block in result.blocks if block.kind == "direct" for line in block.lines]
    assert direct and says in direct[0], direct


@pytest.mark.parametrize("question, said, not_said", [
    # The line about one app's place on StopNCII's partner list is said to the person who named that app only.
    ("someone shared my photos in a QQ group with people from my hometown, I'm 24",
     "were not on the list published on 2024-03-13", "Telegram"),
    ("我24岁，有人把我的私密照片发到了一个微信群里，群里好几百人，我该怎么办", "不在2024-03-13公布的合作平台名单上", "Telegram"),
    ("I'm 22 and my pics are in a telegram channel, what do I do", "Telegram was not", "Snap were"),
    ("I'm 20, my nudes are going round a snapchat group chat at uni", "Snap were", "Telegram"),
])
def test_the_partner_list_line_is_about_the_app_the_person_names(full_service, question, said, not_said):
    """The group card told every adult "Telegram was not on the partner lists we found": 168 answers about QQ,
    WeChat, WhatsApp or Snapchat groups on the tuning halves and spent hold-outs heard about Telegram. A card's
    `platform=` variant replaces its plain section for a message that names one of its apps."""
    result = full_service.ask(question)
    assert result.card == "leaked-in-group", (result.card, result.answer)
    assert said in result.answer and not_said not in result.answer, result.answer


@pytest.mark.parametrize("question, first", [
    ("does whatsapp work with stopncii", "No:"),
    ("StopNCII对微信有用吗", "不能"),
    ("is instagram one of the stopncii partners", "Yes:"),
])
def test_whether_hashing_works_on_an_app_is_answered_for_that_app(full_service, question, first):
    """"Does WhatsApp work with StopNCII?" was answered with the list of apps it does work on (answer batch 68's
    tuning half, at first sight): the literal answer for the app named comes first."""
    result = full_service.ask(question)
    assert result.card == "stop-reupload", (result.card, result.answer)
    direct = result.answer.split("**")[1]
    assert direct.startswith(first), result.answer


def test_a_town_no_example_names_does_not_decide_the_situation(full_service):
    """A town says where the person is, never what happened: "in Tunxi district" moved a hidden camera in a dorm's
    shower to the deepfake card (answer batch 68's tuning half, at first sight). When the situation model is unsure of
    the message as written, it reads it again without its towns."""
    result = full_service.ask("Found a hidden camera in the shower of my university dorm in Tunxi district. The school "
                              "wants to handle it internally and told us not to post about it on Weibo. Can I report it "
                              "to the police myself?")
    assert result.card == "hidden-camera" and result.jurisdiction == "CN", (result.card, result.answer)
    assert "110" in result.answer, result.answer
