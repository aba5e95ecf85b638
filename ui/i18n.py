"""Every word the interface says, in Simplified Chinese, English and French.

These are the interface's own words: labels, buttons, notes. They hold no facts (no phone numbers, laws or guidance
addresses); every fact a person reads comes from the core's cited answer. The one address here is where Quick exit
goes: a neutral weather page, so that a glance at the screen shows nothing about Recourse.
"""

from __future__ import annotations

from collections.abc import Iterable

LANGUAGES: tuple[str, ...] = ("zh", "en", "fr")
DEFAULT_LANGUAGE = "en"
# Each language's own name, never translated, so a person can always find theirs.
LANGUAGE_NAMES: dict[str, str] = {"zh": "中文", "en": "English", "fr": "Français"}
HTML_LANG: dict[str, str] = {"zh": "zh-Hans", "en": "en", "fr": "fr"}

# Quick exit replaces the page with a neutral weather site in the interface language.
EXIT_URLS: dict[str, str] = {
    "en": "https://www.bbc.co.uk/weather",
    "zh": "https://www.weather.com.cn/",
    "fr": "https://meteofrance.com/",
}

# The place choices; the value is what the core receives (None: unknown; GLOBAL: outside the places we cover).
PLACE_CODES: tuple[str, ...] = ("unsure", "CN", "US", "UK", "AU", "EU", "FR", "elsewhere")
PLACE_TO_JURISDICTION: dict[str, str | None] = {"unsure": None, "elsewhere": "GLOBAL",
                                                **{c: c for c in ("CN", "US", "UK", "AU", "EU", "FR")}}

STRINGS: dict[str, dict[str, str]] = {
    "tagline": {
        "en": "Calm, cited guidance when intimate images are shared, or threatened to be shared, without consent.",
        "zh": "私密影像未经同意被传播或被威胁传播时，这里提供冷静、有出处的指引。",
        "fr": "Des informations fiables et sourcées quand des images intimes sont diffusées, ou menacées de "
              "l'être, sans consentement.",
    },
    "exit": {"en": "Quick exit", "zh": "快速离开", "fr": "Sortie rapide"},
    "exit_label": {
        "en": "Quick exit: leave this site now and clear the conversation (Esc key)",
        "zh": "快速离开：立即离开本网站并清除对话（Esc 键）",
        "fr": "Sortie rapide : quitter ce site maintenant et effacer la conversation (touche Échap)",
    },
    "language": {"en": "Language", "zh": "语言", "fr": "Langue"},
    "place": {"en": "Where are you?", "zh": "你在哪里？", "fr": "Où êtes-vous ?"},
    "place_info": {
        "en": "Laws and services depend on the place. Kept for this conversation only.",
        "zh": "法律和求助渠道因地而异。只在本次对话中使用。",
        "fr": "Les lois et les services dépendent du pays. Gardé pour cette conversation seulement.",
    },
    "place_unsure": {"en": "Not sure", "zh": "不确定", "fr": "Je ne sais pas"},
    "place_CN": {"en": "China", "zh": "中国", "fr": "Chine"},
    "place_US": {"en": "United States", "zh": "美国", "fr": "États-Unis"},
    "place_UK": {"en": "United Kingdom", "zh": "英国", "fr": "Royaume-Uni"},
    "place_AU": {"en": "Australia", "zh": "澳大利亚", "fr": "Australie"},
    "place_EU": {"en": "European Union", "zh": "欧盟", "fr": "Union européenne"},
    "place_FR": {"en": "France", "zh": "法国", "fr": "France"},
    "place_elsewhere": {"en": "Somewhere else", "zh": "其他地方", "fr": "Ailleurs"},
    "privacy_title": {"en": "How to stay private and leave quickly", "zh": "如何保护隐私、快速离开",
                      "fr": "Rester discret et partir vite"},
    "danger_hint": {
        "en": "In danger right now, or thinking of ending your life? Tell me, and I will show you the lines to call first.",
        "zh": "如果你现在有危险，或者有结束生命的念头，请告诉我，我会先告诉你可以拨打的求助电话。",
        "fr": "En danger en ce moment, ou vous pensez à mettre fin à vos jours ? Dites-le-moi : je vous donnerai d'abord "
              "les numéros à appeler.",
    },
    "privacy_stored": {
        "en": "Nothing you type is stored. The conversation disappears when you leave or reload this page.",
        "zh": "你输入的内容不会被保存。离开或刷新本页面后，对话就会消失。",
        "fr": "Rien de ce que vous écrivez n'est enregistré. La conversation disparaît quand vous quittez ou "
              "rechargez la page.",
    },
    "privacy_images": {
        "en": "Please do not share photos or videos here. Describe what happened in words.",
        "zh": "请不要在这里分享照片或视频，用文字描述发生了什么就可以。",
        "fr": "Ne partagez pas de photos ni de vidéos ici. Décrivez ce qui s'est passé avec des mots.",
    },
    "privacy_browse": {
        "en": "To leave no trace in your browser's history, open this page in a private or incognito window, "
              "or delete it from your history afterwards.",
        "zh": "如果不想在浏览记录中留下痕迹，请用浏览器的无痕（隐私）窗口打开本页面，或在之后删除浏览记录。",
        "fr": "Pour ne laisser aucune trace dans l'historique, ouvrez cette page dans une fenêtre de navigation "
              "privée, ou supprimez-la de l'historique ensuite.",
    },
    "privacy_exit": {
        "en": "Press Esc or Quick exit at any time to leave at once.",
        "zh": "随时按 Esc 键或“快速离开”即可立即离开。",
        "fr": "Appuyez sur Échap ou sur « Sortie rapide » à tout moment pour partir aussitôt.",
    },
    "welcome": {
        "en": "You are not alone, and this is not your fault. Ask in your own words, or start with one of these:",
        "zh": "你并不孤单，这也不是你的错。你可以用自己的话提问，或从下面的问题开始：",
        "fr": "Vous n'êtes pas seul·e, et ce n'est pas de votre faute. Posez votre question avec vos mots, ou "
              "commencez par l'une de celles-ci :",
    },
    "starter_1": {
        "en": "Someone posted my intimate photos in a Telegram group. What do I do?",
        "zh": "有人把我的私密照片发到了 Telegram 群里，我该怎么办？",
        "fr": "Quelqu'un a publié mes photos intimes dans un groupe Telegram. Que faire ?",
    },
    "starter_2": {
        "en": "Someone is threatening to share my intimate images. What should I do?",
        "zh": "有人威胁要公开我的私密照片，我该怎么办？",
        "fr": "Quelqu'un menace de diffuser mes images intimes. Que faire ?",
    },
    "starter_3": {
        "en": "I found a hidden camera. What should I do?",
        "zh": "我发现了偷拍摄像头，该怎么办？",
        "fr": "J'ai trouvé une caméra cachée. Que faire ?",
    },
    "starter_4": {
        "en": "How can I help a friend whose intimate photos were shared?",
        "zh": "朋友的私密照片被人传出去了，我能怎么帮她？",
        "fr": "Comment aider une amie dont les photos intimes ont été diffusées ?",
    },
    "input": {"en": "Your question", "zh": "你的问题", "fr": "Votre question"},
    "placeholder": {
        "en": "Type your question. Please do not include images.",
        "zh": "在这里输入你的问题。请不要附上图片。",
        "fr": "Écrivez votre question. N'ajoutez pas d'images.",
    },
    "send": {"en": "Send", "zh": "发送", "fr": "Envoyer"},
    "clear": {"en": "Clear conversation", "zh": "清除对话", "fr": "Effacer la conversation"},
    "conversation": {"en": "Conversation", "zh": "对话", "fr": "Conversation"},
    "you": {"en": "You", "zh": "你", "fr": "Vous"},
    "recourse": {"en": "Recourse", "zh": "Recourse", "fr": "Recourse"},
    "asked_as": {
        "en": "Read with your earlier question:",
        "zh": "结合你之前的问题理解为：",
        "fr": "Lu avec votre question précédente :",
    },
    "asked_for": {"en": "Place:", "zh": "地点：", "fr": "Lieu :"},
    "thinking": {
        "en": "Looking through Recourse's guidance…",
        "zh": "正在查找 Recourse 的指南……",
        "fr": "Recherche dans les fiches de Recourse…",
    },
    "sources": {"en": "Where this answer comes from", "zh": "这个回答的出处", "fr": "D'où vient cette réponse"},
    "source_n": {"en": "Source {n}", "zh": "出处 {n}", "fr": "Source {n}"},
    "reviewed": {"en": "Reviewed {date}", "zh": "审核于 {date}", "fr": "Vérifié le {date}"},
    "source_label": {"en": "Source:", "zh": "来源：", "fr": "Source :"},
    "open_source": {"en": "Open the source", "zh": "打开原始来源", "fr": "Ouvrir la source"},
    "new_tab": {"en": "(opens in a new tab)", "zh": "（在新标签页中打开）", "fr": "(s'ouvre dans un nouvel onglet)"},
    "show_passage": {"en": "Show the cited passage", "zh": "查看引用的原文", "fr": "Voir le passage cité"},
    "crisis_title": {
        "en": "You matter. If you are in danger or thinking of ending your life, please reach someone now.",
        "zh": "你很重要。如果你正处于危险中，或有轻生的念头，请现在就联系他人。",
        "fr": "Vous comptez. Si vous êtes en danger ou pensez à mettre fin à vos jours, contactez quelqu'un "
              "maintenant.",
    },
    "crisis_lines": {
        "en": "From Recourse's sources:",
        "zh": "来自 Recourse 引用的来源：",
        "fr": "D'après les sources de Recourse :",
    },
    "place_offer": {
        "en": "Choose where you are for guidance that fits:",
        "zh": "选择你所在的地方，获取更适合你的信息：",
        "fr": "Choisissez où vous êtes pour des informations adaptées :",
    },
    "status_done": {
        "en": "Answer ready, with {n} sources.",
        "zh": "回答已生成，附 {n} 个出处。",
        "fr": "Réponse prête, avec {n} sources.",
    },
    "status_plain": {"en": "Answer ready.", "zh": "回答已生成。", "fr": "Réponse prête."},
    "unavailable": {
        "en": "Recourse cannot reach its guidance right now. Please try again in a minute. If you are in danger, "
              "call your local emergency number.",
        "zh": "Recourse 暂时无法读取指南，请过一分钟再试。如果你有危险，请拨打当地的紧急电话。",
        "fr": "Recourse ne peut pas consulter ses fiches pour le moment. Réessayez dans une minute. Si vous êtes en "
              "danger, appelez le numéro d'urgence local.",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
}

STARTER_KEYS: tuple[str, ...] = ("starter_1", "starter_2", "starter_3", "starter_4")


def t(key: str, language: str, **values: object) -> str:
    """The interface string `key` in `language` (English when missing), with {placeholders} filled."""
    table = STRINGS[key]
    text = table.get(language) or table[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def pick_language(preferred: Iterable[str] | str | None) -> str:
    """The interface language for the browser's preferred languages (navigator.languages), best first."""
    if isinstance(preferred, str):
        preferred = preferred.split(",")
    for tag in preferred or ():
        primary = tag.strip().lower().replace("_", "-").split("-")[0]
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


def format_date(iso: str, language: str) -> str:
    """A review date as people write it in each language; anything unparsable is shown as it is."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        if not 1 <= month <= 12:
            raise ValueError
    except ValueError:
        return iso
    if language == "zh":
        return f"{year}年{month}月{day}日"
    if language == "fr":
        return f"{'1er' if day == 1 else day} {MONTHS['fr'][month - 1]} {year}"
    return f"{day} {MONTHS['en'][month - 1]} {year}"


def place_choices(language: str) -> list[tuple[str, str]]:
    """(label, value) pairs for the place dropdown, in the interface language."""
    return [(t(f"place_{code}", language), code) for code in PLACE_CODES]
