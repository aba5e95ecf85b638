"""Fixed sentences Recourse says in its own voice, in each language.

They hold no facts (no numbers, laws or addresses): every fact comes from a cited passage of the knowledge base.
"""

from __future__ import annotations

import re
from functools import cache

MESSAGES: dict[str, dict[str, str]] = {
    "lead": {
        "en": "Here is what Recourse's guidance says:",
        "zh": "以下是 Recourse 指南中的相关内容：",
        "fr": "Voici ce que disent les fiches de Recourse :",
    },
    "nothing_found": {
        "en": "I could not find anything in Recourse's guidance that answers this. Recourse can help with intimate "
              "images shared or threatened without consent: keeping evidence, reporting to platforms and police, "
              "getting images removed, the law where you live, and where to find support. You could ask in other "
              "words. If you are in danger right now, call your local emergency number.",
        "zh": "在 Recourse 的指南中没有找到能回答这个问题的内容。Recourse 可以帮助处理未经同意被传播或被威胁传播的私密影像："
              "保存证据、向平台和警方举报、删除影像、当地法律以及求助渠道。你可以换一种说法再问。如果你现在有危险，请拨打当地的紧急电话。",
        "fr": "Je n'ai rien trouvé dans les fiches de Recourse qui réponde à cette question. Recourse aide quand des "
              "images intimes sont diffusées ou menacées de l'être sans consentement : garder des preuves, signaler "
              "aux plateformes et à la police, faire retirer les images, la loi là où vous vivez, et où trouver de "
              "l'aide. Vous pouvez reformuler. Si vous êtes en danger maintenant, appelez le numéro d'urgence local.",
    },
    "place_note": {
        "en": "Laws and services differ from place to place. Tell me where you are (China, United States, United "
              "Kingdom, Australia, European Union or France) for guidance that fits.",
        "zh": "各地的法律和求助渠道不同。告诉我你在哪里（中国、美国、英国、澳大利亚、欧盟或法国），我可以给出更适合你的信息。",
        "fr": "Les lois et les services varient selon les pays. Dites-moi où vous êtes (Chine, États-Unis, "
              "Royaume-Uni, Australie, Union européenne ou France) pour des informations adaptées.",
    },
    "helper_ack": {
        "en": "Thank you for helping them: believe them, and tell them it is not their fault.",
        "zh": "谢谢你愿意帮忙：相信对方，并告诉对方这不是他们的错。",
        "fr": "Merci de lui venir en aide : croyez cette personne et dites-lui que ce n'est pas sa faute.",
    },
    "crisis_lead": {
        "en": "I'm really glad you told me. You matter, and you do not have to face this alone. Please reach out "
              "to someone now:",
        "zh": "谢谢你告诉我。你很重要，你不必一个人面对这些。请现在就联系能帮助你的人：",
        "fr": "Merci de me l'avoir dit. Vous comptez, et vous n'avez pas à traverser cela seul·e. Contactez "
              "quelqu'un maintenant :",
    },
    "crisis_check": {
        "en": "If you are thinking of ending your life, or you are in danger right now, please reach out to someone "
              "now. You do not have to face this alone:",
        "zh": "如果你有结束生命的念头，或者现在有危险，请马上联系能帮助你的人。你不必一个人面对：",
        "fr": "Si vous pensez à mettre fin à vos jours, ou si vous êtes en danger maintenant, contactez quelqu'un "
              "tout de suite. Vous n'avez pas à traverser cela seul·e :",
        "fr-tu": "Si tu penses à mettre fin à tes jours, ou si tu es en danger maintenant, contacte quelqu'un tout "
                 "de suite. Tu n'as pas à traverser ça seul·e :",
    },
    # The same two leads when the writer reads as someone helping (a friend, a parent, a teacher, a counsellor: "ma
    # pote dit qu'elle veut plus vivre"): they speak to the writer and to the person they worry about at once, so a
    # survivor the audience reader takes for a helper is still spoken to.
    "crisis_lead_helper": {
        "en": "Thank you for telling me. If the person you are worried about, or you, are in danger or thinking of "
              "suicide, please reach someone now; you can also call on their behalf:",
        "zh": "谢谢你告诉我。如果你或你担心的人现在有危险、或有结束生命的念头，请马上联系能帮助的人；你也可以替对方打电话：",
        "fr": "Merci de me l'avoir dit. Si vous, ou la personne pour qui vous vous inquiétez, êtes en danger ou pensez "
              "à mettre fin à vos jours, contactez quelqu'un maintenant ; vous pouvez aussi appeler à sa place :",
    },
    "crisis_check_helper": {
        "en": "If the person you are worried about, or you, are thinking of suicide or are in danger right now, "
              "please reach someone now; you can also call on their behalf:",
        "zh": "如果你或你担心的人有结束生命的念头，或者现在有危险，请马上联系能帮助的人；你也可以替对方打电话：",
        "fr": "Si vous, ou la personne pour qui vous vous inquiétez, pensez à mettre fin à vos jours ou êtes en danger "
              "maintenant, contactez quelqu'un tout de suite ; vous pouvez aussi appeler à sa place :",
    },
    # Short: after the lines to call, the room is the answer's (each line below it is cited to its source).
    "crisis_then_answer": {
        "en": "About your question:",
        "zh": "关于你的问题：",
        "fr": "Pour votre question :",
        "fr-tu": "Pour ta question :",
    },
    "crisis_fallback": {
        "en": "If you are in danger, call your local emergency number now. If you are thinking of suicide, contact a "
              "crisis line, a doctor or someone you trust.",
        "zh": "如果你有危险，请立即拨打当地的紧急电话。如果你有自杀的念头，请联系心理危机热线、医生或你信任的人。",
        "fr": "Si vous êtes en danger, appelez tout de suite le numéro d'urgence local. Si vous pensez au suicide, "
              "contactez une ligne d'écoute, un médecin ou une personne de confiance.",
    },
    "crisis_close": {
        "en": "I'm here if you want to keep talking. When you feel ready, I can also help with the images: keeping "
              "evidence, reporting them, or getting them removed.",
        "zh": "如果你想继续聊，我一直在这里。等你准备好了，我也可以帮你处理这些图像：保存证据、举报，或者要求删除。",
        "fr": "Je suis là si vous voulez continuer à parler. Quand vous serez prêt·e, je peux aussi vous aider pour "
              "les images : garder des preuves, les signaler ou les faire retirer.",
    },
    "refuse": {
        "en": "I can't help with that. Recourse only helps people protect themselves and others from image-based "
              "abuse. If your own images are being shared or someone is threatening you, I can help you keep "
              "evidence, report, and get them removed. If you have shared someone's images and want to put it "
              "right, ask me what to do now.",
        "zh": "这个我不能帮忙。Recourse 只帮助人们保护自己和他人免受基于图像的性暴力。如果你自己的图像被传播或有人在威胁你，"
              "我可以帮你保存证据、举报并要求删除。如果你传播过别人的图像并想弥补，可以问我现在该怎么做。",
        "fr": "Je ne peux pas vous aider pour cela. Recourse aide seulement à se protéger et à protéger les autres "
              "des violences par images. Si vos propres images sont diffusées ou si quelqu'un vous menace, je peux "
              "vous aider à garder des preuves, à signaler et à les faire retirer. Si vous avez diffusé les images "
              "de quelqu'un et voulez réparer, demandez-moi quoi faire maintenant.",
    },
    "out_of_scope": {
        "en": "Recourse only answers questions about intimate images shared or threatened without consent: what "
              "to do first, keeping evidence, reporting to platforms and police, getting images removed, the law "
              "where you live, and where to find support.",
        "zh": "Recourse 只回答与未经同意传播或威胁传播私密图像有关的问题：第一步该做什么、保存证据、向平台和警方举报、删除图像、"
              "当地法律以及求助渠道。",
        "fr": "Recourse répond seulement aux questions sur les images intimes diffusées ou menacées de l'être sans "
              "consentement : quoi faire d'abord, garder des preuves, signaler aux plateformes et à la police, faire "
              "retirer les images, la loi là où vous vivez, et où trouver de l'aide.",
    },
    "empty": {
        "en": "Type your question, for example: \"Someone posted my photos in a Telegram group. What do I do?\"",
        "zh": "请输入你的问题，例如：“有人在电报群里传播我的照片，我该怎么办？”",
        "fr": "Écrivez votre question, par exemple : « Quelqu'un a publié mes photos dans un groupe Telegram. "
              "Que faire ? »",
    },
    "too_long": {
        "en": "Your message is longer than 2,000 characters, more than I can read at once. Please shorten it to the "
              "part that matters most and send it again. If you are in danger right now, call your local emergency "
              "number.",
        "zh": "你的消息超过了 2,000 个字符，超出了我一次能读的长度。请把它缩短到最重要的部分，再发送一次。"
              "如果你现在有危险，请拨打当地的紧急电话。",
        "fr": "Votre message dépasse 2 000 caractères, plus que je ne peux en lire d'un coup. Raccourcissez-le à "
              "l'essentiel et envoyez-le à nouveau. Si vous êtes en danger maintenant, appelez le numéro d'urgence "
              "local.",
    },
    "brief_question": {
        "en": "I'm here to help. When you're ready, tell me in a few words what happened. If intimate images of you "
              "were shared, or someone is threatening to share them, these are the first steps:",
        "zh": "我在这里，可以帮你。等你准备好了，用几句话告诉我发生了什么。"
              "如果你的私密图像被传播了，或者有人威胁要传播，可以先做这些：",
        "fr": "Je suis là pour vous aider. Quand vous serez prêt·e, dites-moi en quelques mots ce qui s'est passé. Si "
              "des images intimes de vous ont été diffusées, ou si quelqu'un menace de les diffuser, voici les "
              "premières étapes :",
    },
    "ask_place": {
        "en": "Which country are you in? Numbers to call and laws differ by country: China, the United States, the "
              "United Kingdom, Australia, the European Union or France.",
        "zh": "你在哪个国家？能拨打的电话和适用的法律因国家而异：中国、美国、英国、澳大利亚、欧盟或法国。",
        "fr": "Dans quel pays êtes-vous ? Les numéros à appeler et la loi en dépendent : Chine, États-Unis, Royaume-Uni, "
              "Australie, Union européenne ou France.",
        "fr-tu": "Tu vis dans quel pays ? Les numéros à appeler et la loi en dépendent : Chine, États-Unis, "
                 "Royaume-Uni, Australie, Union européenne ou France.",
    },
    # After the lines to call for every place (the place unknown), the places are on the screen already: the question
    # back does not list them again, and the room goes to the answer's steps.
    "ask_place_listed": {
        "en": "Which country are you in? Numbers to call and laws differ by country.",
        "zh": "你在哪个国家？能拨打的电话和适用的法律因国家而异。",
        "fr": "Dans quel pays êtes-vous ? Les numéros à appeler et la loi en dépendent.",
        "fr-tu": "Tu vis dans quel pays ? Les numéros à appeler et la loi en dépendent.",
    },
    "ask_age": {
        "en": "Were you, or the person in the images, under 18 when they were taken? Some help is only for "
              "under-18s, and some only for adults.",
        "zh": "照片或视频拍摄时，你（或画面中的人）未满 18 岁吗？有些帮助只面向未成年人，有些只面向成年人。",
        "fr": "Aviez-vous moins de 18 ans (vous, ou la personne sur les images) quand elles ont été prises ? "
              "Certaines aides sont réservées aux mineurs, d'autres aux adultes.",
        "fr-tu": "Avais-tu moins de 18 ans (toi, ou la personne sur les images) quand elles ont été prises ? "
                 "Certaines aides sont réservées aux mineurs, d'autres aux adultes.",
    },
    "steps_heading": {
        "en": "What you can do now",
        "zh": "现在可以做的事",
        "fr": "Ce que vous pouvez faire maintenant",
        "fr-tu": "Ce que tu peux faire maintenant",
    },
    "help_heading": {
        "en": "Where to get help",
        "zh": "可以向哪里求助",
        "fr": "Où trouver de l'aide",
    },
}


def message(key: str, language: str, familiar: bool = False) -> str:
    """A fixed sentence in the given language (English when the language is unknown). `familiar`: in the familiar
    register where the language has one ("tu" in French) and the sentence has it, to match the lines it goes with."""
    table = MESSAGES[key]
    if familiar and f"{language}-tu" in table:
        return table[f"{language}-tu"]
    return table.get(language, table["en"])


# French addresses a young person as "tu"; the cards' lines written for them do. Words that only the familiar or only
# the polite register uses, to tell which one a set of lines speaks in.
_TU = re.compile(r"(?i)\b(?:tu|te|toi|ton|ta|tes)\b(?!['’-])|\bt['’](?=\w)|-toi\b")
_VOUS = re.compile(r"(?i)\b(?:vous|votre|vos)\b")


def speaks_familiar(lines: list[str], language: str) -> bool:
    """Whether these lines address the reader as "tu" more than as "vous" (French only): a heading or a question
    between them says it the same way ("Ce que tu peux faire maintenant" over "Bloque la personne ...")."""
    if language != "fr":
        return False
    text = " ".join(lines)
    return len(_TU.findall(text)) > len(_VOUS.findall(text))


@cache
def familiar_forms(language: str) -> dict[str, str]:
    """Each fixed sentence in the language's polite register mapped to its familiar one, for the sentences that have
    one ("Pour votre question :" -> "Pour ta question :"); empty for a language without "tu"."""
    return {table[language]: table[f"{language}-tu"] for table in MESSAGES.values()
            if language in table and f"{language}-tu" in table}
