"""Topics: short labels naming the substance talked about, each placed in the policy taxonomy.

A label is the object of a verb of discussion ("discussed the security situation in eastern
Democratic Republic of Congo"), a framing phrase ("On Taiwan, …", "Regarding the Israel-Hamas
conflict, …") or an item of an "including …" list, cut to a short noun phrase. A label made only of
generic words ("cooperation", "issues") is dropped. The sentence it came from becomes its key point.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from ...model import Commitment, Topic
from ..components.document import Analysis
from ..components.entities import rule_spans
from ..components.names import place_name_ends
from ..lexicon.data import load, taxonomy, word_set
from ..lexicon.gazetteer import gazetteer
from ..lexicon.world import find_city
from .people import People

_MAX_WORDS = 10
_MAX_TOPICS = 18
_LEAD = re.compile(r"^(?:the|a|an|our|their|its|his|her|this|these|those|both|all|further|continued)\s+", re.I)


@cache
def _generic() -> frozenset[str]:
    return frozenset(load("taxonomy").get("generic_words", []))


def _framing_topic(an: Analysis, sent: Any, phrase_start: int, phrase_end: int) -> bool:
    """ "On Taiwan, …" names a topic; "On his second day in Lima, …", "On the Greek side, …" and
    "On September 23, …" set the scene. The phrase's head decides."""
    span = an.doc.char_span(phrase_start, phrase_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    head = span.root
    scene_heads = word_set("taxonomy", "framing_not_topic_heads")
    return head.ent_type_ not in {"DATE", "TIME"} and head.lemma_.lower() not in scene_heads


@cache
def _verbs() -> frozenset[str]:
    return frozenset(load("taxonomy").get("topic_verbs", []))


def _content(label: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w’'-]+", label) if len(w) > 2 and w.lower() not in _generic()} - {
        "the", "and", "for", "with", "between", "its", "their", "our", "that", "this", "from", "into",
    }  # fmt: skip


#: A label longer than this is cut at a boundary word or split at "and" (a label names a substance).
_LABEL_WORDS = 6
_QUOTED = re.compile(r"[“\"«‘']([^”\"»’']{3,80})[”\"»’']")


@cache
def _label_rules() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], list[str]]:
    tax = load("taxonomy")
    lead = re.compile("^(?:" + "|".join(f"(?:{p})" for p in tax.get("label_lead_phrases", [])) + ")", re.I)
    evaluative = frozenset(str(w).lower() for w in tax.get("evaluative_words", []))
    pronouns = frozenset(str(w).lower() for w in tax.get("pronouns", []))
    cuts = sorted((str(w) for w in tax.get("label_cut_words", [])), key=len, reverse=True)
    return lead, evaluative, pronouns, cuts


def _unbalanced_marks(text: str) -> str:
    """A phrase the parse cut inside a quoted name: the words before an opening mark left open
    ("the theme of the year on ‘Art" → "the theme of the year on"), or without a closing mark left
    alone ("Heritage’" → "Heritage")."""
    opened = max(text.rfind("‘"), text.rfind("“"))
    if opened >= 0 and text.find("’", opened) < 0 and text.find("”", opened) < 0:
        text = text[:opened]
    return text.strip().strip("’”").strip()


def clean_labels(label: str) -> list[str]:
    """A raw phrase as one or more short labels naming the substance, or none.

    The quoted words of a quotation fragment ("“excellent bilateral cooperation” between …"), without
    openings that only frame the substance ("the deepening of", "progress in", "deep concerns
    regarding"), evaluative words, or a trailing "and"/preposition; never a pronoun-led phrase
    ("expanding it"). A label over six words is split at "and" or cut at a boundary word.
    """
    lead, evaluative, pronouns, cuts = _label_rules()
    text = " ".join(label.split())
    if re.match(r"(?:according to|as reported by|in a statement)\b", text, re.I):
        return []  # the source of the report, not a subject
    quoted = _QUOTED.search(text)
    if quoted:
        text = quoted.group(1)
    else:
        text = _unbalanced_marks(text)
    if ":" in text:  # "priority goals including: Peace and Security": what follows the colon is the item
        text = text.rsplit(":", 1)[1].strip() or text.split(":", 1)[0]
    for _ in range(3):
        before = text
        text = _LEAD.sub("", lead.sub("", text)).strip(" ,.;:")
        words = text.split()
        while words and words[0].lower() in evaluative:
            words.pop(0)
        text = " ".join(words)
        if text == before:
            break
    text = re.sub(r"^(?:regarding|concerning|about|on|upon|near|of|in)\s+", "", text, flags=re.I)
    words = text.split()
    if not words or words[0].lower().strip("’'") in pronouns:
        return []
    if re.match(r"^(?:[a-z]+ed|held|made|given|taken|set|done|put|seen|won|led) (?:in|on|upon|by|at|to|with)\b", text):
        return []  # a participle clause ("held in Sochi in 2024", "agreed upon by the two sides")
    # a verb after "and" starts another clause: "… institutions and highlighted the …"
    text = re.split(r"\s+and\s+(?=[a-z]+ed\b)", text)[0]
    words = text.split()
    if len(words) > _LABEL_WORDS and " and " in text:
        head, _, tail = text.rpartition(" and ")
        last = head.split()[-1] if head.split() else ""
        # "investment in renewable energy and critical minerals" is two subjects; "links between the
        # Chilean and Peruvian peoples", "a more equitable and just nation", "in and near X" are one
        if (
            len(tail.split()) >= 2
            and len(head.split()) >= 2
            and not last[:1].isupper()
            and last.lower() not in _DANGLING | {"near", "around", "more", "less"}
            and not re.search(r"(?:an|ese|ic|al|able|ible|ive|ous|ful|ern)$", last.lower())
        ):
            return [x for p in (head, tail) for x in clean_labels(p)]
    if len(words) > _LABEL_WORDS:
        low = " " + text.lower() + " "
        best = None
        for cut in cuts:
            for m in re.finditer(rf" {re.escape(cut)} ", low):
                n = len(low[: m.start()].split())
                if 2 <= n <= _LABEL_WORDS and (best is None or n > best):
                    best = n
        words = words[:best] if best else words[: _LABEL_WORDS + 2]
    while words and (words[-1].lower() in _DANGLING or words[-1].lower() in {"near", "into", "through", "at"}):
        words.pop()
    text = _without_meeting_place(" ".join(words))
    return [text] if text else []


_PLACE_TRAILER = re.compile(
    r"\s+(?:in|at)\s+(?:the\s+)?(?:capital\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})$"
)


def _without_meeting_place(label: str) -> str:
    """ "bilateral relations in NEOM" → "bilateral relations", "current issues at the Elysee Palace" →
    "current issues": a city or a building (its name ends "Palace", "House" …) after the substance is
    where the talks were, not what about.
    A country stays ("the situation in Sudan")."""
    m = _PLACE_TRAILER.search(label)
    if m is None:
        return label
    place = m.group("place")
    if gazetteer().country(place) or gazetteer().region(place):
        return label
    if find_city(place, frozenset()) is not None or place.split()[-1] in place_name_ends():
        return label[: m.start()].strip()
    return label


@lru_cache(maxsize=8192)
def category(text: str) -> str | None:
    """The taxonomy category with most word hits in a label (then in its sentence)."""
    low = " " + re.sub(r"[^\w-]+", " ", text.lower()) + " "
    best, best_n = None, 0
    for cat in taxonomy():
        n = sum(1 for w in cat.get("words", []) if f" {w} " in low or (len(w) > 4 and f" {w}" in low))
        if n > best_n:
            best, best_n = str(cat["name"]), n
    return best


def _phrase(an: Analysis, head: Any, people: People) -> str | None:
    """A short noun phrase around a head noun: its chunk plus one prepositional complement."""
    doc = an.doc
    if head.pos_ not in {"NOUN", "PROPN"} or people.owner(head.i) is not None or head.ent_type_ in {"DATE", "TIME"}:
        return None
    if head.lemma_.lower() in word_set("taxonomy", "audience_nouns"):
        # "briefed the ministers on the ceasefire talks": the people addressed are no topic; what they
        # were told about is
        about = [
            obj
            for prep in head.children
            if prep.dep_ == "prep" and prep.i > head.i and prep.lower_ in {"on", "about", "regarding"}
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        return _phrase(an, about[0], people) if about else None
    if head.lower_ in _generic():
        # "views on debt relief", "commitment to the fight against X": the complement is the topic;
        # "the situation in Sudan", "developments in Ukraine": a place alone is no topic, so keep the head
        for child in head.children:
            if child.dep_ == "prep" and child.i > head.i:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and _is_place(objs[0]) and child.lower_ in {"in", "on", "around", "across"}:
                    return doc[head.i : objs[0].right_edge.i + 1].text
                if objs:
                    return _phrase(an, objs[0], people)
                comps = [c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
                if comps:  # "the importance of maintaining pressure on Russia"
                    words = doc[comps[0].i : comps[0].right_edge.i + 1].text.split()
                    return " ".join(words[:_MAX_WORDS]).rstrip(" ,.;:") if len(words) > 1 else None
            if child.dep_ == "acl" and child.pos_ == "VERB" and child.i > head.i and head.lemma_ in _NEED_HEADS:
                # "the pressing need to raise port capacity", "the wish to give the talks time"
                first = child.left_edge.i + 1 if child.left_edge.lower_ == "to" else child.i
                words = doc[first : child.right_edge.i + 1].text.split()
                return " ".join(words[:_MAX_WORDS]).rstrip(" ,.;:") if len(words) > 1 else None
        return None
    left = head.left_edge.i
    right = head.i + 1
    for child in head.children:
        if (
            child.i > head.i
            and child.dep_ == "prep"
            and child.lower_
            in {
                "of",
                "in",
                "on",
                "regarding",
                "for",
                "to",
                "about",
                "with",
                "between",
                "against",
                "across",
                "over",
                "within",
                "among",
                "towards",
                "toward",
                "near",
                "around",
                "along",
                "off",
                "under",
            }
        ):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                right = max(right, objs[0].i + 1)
                for c in objs[0].children:
                    if c.dep_ == "prep" and c.i > objs[0].i and c.lower_ in {"in", "of", "on"}:
                        inner = [g for g in c.children if g.dep_ == "pobj"]
                        if inner:
                            right = max(right, inner[0].i + 1)
            break
    span = doc[left:right]
    words = [t for t in span if t.dep_ not in {"punct"} or t.text in {"-", "–", "/"}]
    if not words:
        return None
    text = doc[words[0].i : words[-1].i + 1].text
    text = _LEAD.sub("", _LEAD.sub("", text.strip(" ,.;:")))
    if len(text.split()) > _MAX_WORDS:
        text = " ".join(text.split()[:_MAX_WORDS])
    if not _content(text):
        return None
    if gazetteer().affiliation(text) and head.ent_type_ in {"GPE", "ORG", "NORP"} and len(text.split()) <= 3:
        return None  # a bare country or body is a party, not a topic
    return text


#: Generic heads whose infinitive names the substance ("the urgent need to increase defence spending").
_NEED_HEADS = {"need", "desire", "imperative", "importance", "necessity"}


def _is_place(tok: Any) -> bool:
    if tok.ent_type_ in {"GPE", "LOC"}:
        return True
    gaz = gazetteer()
    return bool(gaz.country(tok.text) or gaz.city(tok.text) or gaz.region(tok.text))


_DATE_LABEL = re.compile(
    r"^(?:on |in |by )?(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?: \d{1,2})?(?:,? \d{4})?$",
    re.I,
)
_TIME_OF_DAY = {"morning", "afternoon", "evening", "night", "day", "days", "week", "weeks", "occasion", "eve"}
_OCCASION_LABEL = re.compile(r"^(?:sidelines?|margins?|fringes?) of\b", re.I)


def is_topic_label(label: str) -> bool:
    """Not a date ("May 21"), a place ("Ankara", "growing Russia", "the Shangri-la Hotel"), an occasion,
    an event of the visit ("joint press conference") or people ("journalists at the end of the meeting"),
    or a generic word."""
    gaz = gazetteer()
    text = label.strip()
    if not text or _DATE_LABEL.match(text) or _OCCASION_LABEL.match(text) or re.fullmatch(r"[\d\s,./-]+", text):
        return False
    head = _head_word(text)
    events = word_set("taxonomy", "event_heads")
    if head in word_set("taxonomy", "audience_nouns") or head in events or _head_word(text, 2) in events:
        return False
    if head in word_set("taxonomy", "place_heads"):
        return False  # "the Laotian capital": where, not what
    own = _PREPOSITION.split(text, maxsplit=1)[0].split()  # the label's own words, before any complement
    if own[-1] in place_name_ends() or find_city(re.sub(r"^(?:the|capital) ", "", text), frozenset()):
        return False  # "the Grand Harbour Hotel", "Qingdao"; not "trawling near Bouvet Island"
    core = re.sub(r"^(?:the )?(?:[a-z]+(?:ing|ed|ern) )?(?=[A-Z])", "", text)  # "growing Russia" → Russia
    for candidate in (text, core):
        if gaz.affiliation(candidate) or gaz.city(candidate) or gaz.region(candidate) or gaz.seat(candidate):
            return False
    undated = text
    for start, end, label in reversed(rule_spans(text)):
        if label in {"DATE", "TIME"}:
            undated = undated[:start] + " " + undated[end:]
    return bool(_content(undated) - _TIME_OF_DAY)  # "afternoon of March 7" is when, not what


_PREPOSITION = re.compile(r"\s+(?:of|in|at|on|with|between|for|to|from|among|about|over|near)\s+")


def _head_word(label: str, n: int = 1) -> str:
    """The head noun of a label (with `n` words, the head and the words before it), singular and lower
    case: the last words before its first preposition."""
    words = _PREPOSITION.split(label, maxsplit=1)[0].split()
    phrase = " ".join(words[-n:]).lower().strip("’'") if words else ""
    return phrase[:-1] if phrase.endswith("s") and not phrase.endswith("ss") and len(phrase) > 3 else phrase


def _items(head: Any) -> list[Any]:
    """A head noun and every item coordinated with it: "A, B, C and D", "on A and on B"."""
    out: list[Any] = []
    stack = [head]
    while stack:
        tok = stack.pop(0)
        if tok in out:
            continue
        out.append(tok)
        for child in tok.children:
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
                stack.append(child)
            elif child.dep_ == "conj" and child.pos_ == "ADP":  # "on A and on B"
                stack.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "prep" and child.i > tok.i:
                # "trade in critical minerals, green hydrogen and …": the list hangs off the complement
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    stack.extend(c for c in pobj.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"})
                stack.extend(
                    g
                    for c in child.children
                    if c.dep_ == "conj" and c.pos_ == "ADP"
                    for g in c.children
                    if g.dep_ == "pobj"
                )
    return out


_ITEM_SPLIT = re.compile(
    r",\s*(?:and\s+|as well as\s+)?|;\s*|\s+as well as\s+"
    r"|\s+and\s+(?=(?:the|a|an|on|upon|in|its|their|his|her|about|regarding|ways|how)\b|[a-z]+ing\b)"
)
_ITEM_LEAD = re.compile(
    r"^(?:(?:on|upon|about|regarding|including|through|in particular|particularly|especially|notably|and|also)\s+)+",
    re.I,
)
#: A list item opening with one of these is a clause or an aside, not a subject ("which both sides …").
_NOT_ITEM_STARTS = {"which", "who", "that", "where", "while", "with", "among", "in", "for", "to", "from", "by", "as"}
_DANGLING = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "in",
    "on",
    "for",
    "to",
    "with",
    "along",
    "by",
    "from",
    "its",
    "their",
}
_GENERIC_HEADS_WITH_COMPLEMENT = {"views", "opinions", "progress", "need", "issues", "matters", "questions", "ways"}


_QUOTED_NAME = re.compile(r"[‘“\"'][^‘’“”\"']{3,80}[’”\"']")
_COMMA, _AND = "\x00", "\x01"  # stand-ins while a quoted name is protected from splitting


@cache
def _list_verbs() -> frozenset[str]:
    return frozenset(load("taxonomy").get("topic_list_verbs", []))


def _list_items(an: Analysis, verb: Any) -> list[str]:
    """The items of a list of subjects after a verb of discussion, one label each.

    Surface splitting, not the parse: the small model attaches "A in B, C, D and E" unreliably, but
    commas and "and the …" separate the items of such a list dependably.
    """
    from .commitments import clause_end

    doc = an.doc
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "attr"} and c.i > verb.i), None)
    start = None
    gerund = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG" and c.i > verb.i), None)
    if obj is None and gerund is not None:
        start = gerund.i  # "discussed expanding trade, including through A, and investment in B"
    elif obj is None:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon", "about"}), None)
        if prep is not None and prep.i > verb.i:
            start = prep.i + 1
    elif obj.lower_ in _GENERIC_HEADS_WITH_COMPLEMENT or obj.lemma_ in _GENERIC_HEADS_WITH_COMPLEMENT:
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.i > obj.i), None)
        if prep is None:  # "ways to cooperate on A and B": the complement hangs off the infinitive
            acl = next((c for c in obj.children if c.dep_ in {"acl", "relcl"} and c.i > obj.i), None)
            prep = next((c for c in acl.children if c.dep_ == "prep" and c.i > acl.i), None) if acl else None
        start = prep.i + 1 if prep is not None else None
    else:
        start = obj.left_edge.i
    if start is None:
        return []
    end = min(clause_end(verb), verb.sent.end)
    # "…, and the upcoming trade talks": a last item the parser hung on the wrong verb still belongs to the list
    k = end
    while k < verb.sent.end and doc[k].text in {",", "and", "as", "well"}:
        k += 1
    if k > end and k < verb.sent.end and doc[k].dep_ in {"det", "amod", "compound", "conj"}:
        item = doc[k] if doc[k].dep_ == "conj" else doc[k].head
        if item.pos_ in {"NOUN", "PROPN"} and item.dep_ == "conj" and item.head.pos_ in {"VERB", "AUX"}:
            end = item.right_edge.i + 1
    if end <= start:
        return []
    text = " ".join(doc[start:end].text.split()).rstrip(" .;:")
    items = []
    # a quoted name is one item, commas and all ("the theme of the year, ‘Art, Culture and Heritage’")
    text = _QUOTED_NAME.sub(lambda m: m.group(0).replace(",", _COMMA).replace(" and ", _AND), text)
    parts = [p.replace(_COMMA, ",").replace(_AND, " and ") for p in _ITEM_SPLIT.split(text)]
    head, _, tail = parts[-1].partition(" and ")
    one_name = len(head.split()) == 1 == len(tail.split()) and head[:1].isupper() and tail[:1].isupper()
    if len(parts) > 1 and tail and not one_name:  # "A, B and C": the last "and" parts the last two items
        parts[-1:] = [head, tail]  # but "Jammu and Kashmir", "Trinidad and Tobago" are one name
    for part in parts:
        part = re.split(r"\s+(?:which|who|whose|where|while|that)\s+", part.strip())[0]
        part = _LEAD.sub("", _ITEM_LEAD.sub("", part)).strip(" .;:")
        words = part.split()
        if not words or words[0].lower() in _NOT_ITEM_STARTS or len(words) > _MAX_WORDS + 4:
            continue
        words = words[: _MAX_WORDS + 4]  # clean_labels shortens at a boundary, not mid-phrase
        while words and words[-1].lower() in _DANGLING:
            words.pop()
        if words:
            items.append(" ".join(words))
    return items


def extract_topics(an: Analysis, people: People, commitments: list[Commitment] | None = None) -> list[Topic]:
    """Topics from the sentences of discussion; a text that only reports undertakings ("agreed to set
    up a joint commission") gets the substance of each undertaking as its topics."""
    found: dict[str, Topic] = {}
    seen_words: list[set[str]] = []

    def add(raw: str | None, sent: Any) -> None:
        for label in clean_labels(raw) if raw else []:
            add_label(label, sent)

    def add_label(label: str, sent: Any) -> None:
        if not label or not is_topic_label(label):
            return
        words = _content(label)
        if not words:
            return
        for i, prev in enumerate(seen_words):
            if words <= prev:
                topic = list(found.values())[i]
                point = an.text_of(sent).strip()
                if point not in topic.points:
                    topic.points.append(point)
                return
        topic = Topic(label=label, category=category(label) or category(an.text_of(sent)), confidence=0.7)
        topic.points = [an.text_of(sent).strip()]
        topic.evidence = [an.sentence_evidence(sent)]
        found[label] = topic
        seen_words.append(words)

    nouns = frozenset(load("taxonomy").get("topic_nouns", []))

    def add_with_conj(head: Any, sent: Any) -> None:
        for item in _items(head):
            add(_phrase(an, item, people), sent)

    for sent in an.sents:
        m = re.match(
            r"\s*(?:On|Regarding|Concerning|As for|Turning to|With regard to|On the subject of)\s+([^,]{3,80}),",
            an.text_of(sent),
        )
        if m and _framing_topic(an, sent, sent.start_char + m.start(1), sent.start_char + m.end(1)):
            add(_LEAD.sub("", m.group(1).strip()), sent)
        for tok in sent:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in _list_verbs():
                for item in _list_items(an, tok):
                    add(item, sent)
            if tok.pos_ == "VERB" and tok.lemma_.lower() in _verbs():
                for obj in tok.children:
                    if obj.dep_ in {"dobj", "attr"}:
                        add_with_conj(obj, sent)
                    elif obj.dep_ == "prep" and obj.lower_ in {"on", "upon", "about", "regarding"}:
                        for pobj in obj.children:
                            if pobj.dep_ == "pobj":
                                add_with_conj(pobj, sent)
            if (tok.lemma_.lower() in nouns or tok.lower_ in nouns) and tok.pos_ == "NOUN":
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"on", "about", "regarding", "in"}:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                add_with_conj(pobj, sent)
            if tok.lower_ in {"including", "particularly", "especially", "notably", "such"} and tok.i + 1 < sent.end:
                for pobj in tok.children:
                    if pobj.dep_ == "pobj":
                        add_with_conj(pobj, sent)
            if tok.lower_ == "particular" and tok.i > sent.start and an.doc[tok.i - 1].lower_ == "in":
                # "in particular supply chains for semiconductors and the training of skilled workers"
                nxt = next((t for t in an.doc[tok.i + 1 : sent.end] if t.pos_ in {"NOUN", "PROPN"}), None)
                if nxt is not None:
                    while nxt.head.i > nxt.i and nxt.head.pos_ in {"NOUN", "PROPN"} and nxt.dep_ == "compound":
                        nxt = nxt.head
                    add_with_conj(nxt, sent)
        if len(found) >= _MAX_TOPICS:
            break
    if len(found) < _HARVEST_BELOW:
        for sent, label in _harvest(an, people):
            if len(found) >= _HARVEST_BELOW:
                break
            before = len(found)
            add_label(label, sent)
            if len(found) > before:
                list(found.values())[-1].confidence = 0.5
    if len(found) < _FEW_TOPICS:
        for item in commitments or []:
            label = _substance_of_action(item.action)
            if label and item.evidence:
                ev = item.evidence[0]
                before = len(found)
                add_label(label, an.sents[an.sentence_index(ev.start)])
                if len(found) > before:
                    list(found.values())[-1].confidence = 0.5
    return list(found.values())


#: Fewer topics than this from the verbs of discussion: the policy noun phrases of the sentences in which
#: the participants act are added (measured on the dev texts and our own: F1 rises from 0.67 to 0.74 and
#: 0.81 to 0.85; more than this adds few).
_HARVEST_BELOW = 12


def _harvest(an: Analysis, people: People) -> list[tuple[Any, str]]:
    """(sentence, label) for each noun phrase in the taxonomy, in sentences whose subject is a participant.

    Why: outlets state the substance of a meeting with many verbs besides "discussed" ("reaffirmed
    support for X", "expressed concern over Y", "condemned Z"); a noun phrase that the policy
    taxonomy places, said of what the participants did, is a topic at lower confidence (0.5).
    """
    out = []
    skip = frozenset(load("taxonomy").get("harvest_skip_heads", []))
    audience = word_set("taxonomy", "audience_nouns")
    acting: dict[int, Any] = {}  # sentence start → sentence, for the sentences whose subject is a participant
    gaz = gazetteer()
    for sent in an.sents:
        subjects = [t for t in sent if t.dep_ in {"nsubj", "nsubjpass"}]
        # the participants acting, or the sides by name ("Vietnam and Chile agreed …")
        if any(people.refer(t) or (t.pos_ == "PROPN" and gaz.country(t.text)) for t in subjects):
            acting[sent.start] = sent
    if not acting:
        return out
    for chunk in an.doc.noun_chunks:  # one pass over the document: per sentence it costs several times more
        sent = acting.get(an.sents[an.sentence_index(chunk.start_char)].start)
        root = chunk.root
        if sent is None or people.owner(root.i) is not None or root.ent_type_ in {"DATE", "TIME", "MONEY"}:
            continue
        if root.pos_ == "PROPN" or root.lemma_.lower() in skip | audience or root.lower_ in skip:
            continue  # a body, an event or a place by name; "the region", "the press conference"
        text = chunk.text
        if category(text) is None:
            continue
        for label in clean_labels(text):
            out.append((sent, label))
    return out


#: Fewer topics than this from the discussion sentences: the undertakings' substance is added.
_FEW_TOPICS = 2
#: Where the object of an undertaking ends ("increase the trade volume | to USD15 billion by 2028").
_OBJECT_END = re.compile(r",| (?:to|by|between|in|with|for|within|before|during|at|on|from|under|through|so|and) ")


def _substance_of_action(action: str) -> str | None:
    """ "set up a joint ministerial commission" → "joint ministerial commission": the undertaking's object."""
    words = action.split()
    if len(words) < 2:
        return None
    rest = " ".join(words[2:] if words[1].lower() in {"up", "out", "on", "forward"} else words[1:])
    cut = _OBJECT_END.search(rest)
    rest = rest[: cut.start()] if cut else rest
    rest = re.sub(r"^(?:the|a|an|their|its|our|new|further|more)\s+", "", rest, flags=re.I)
    n = len(rest.split())
    return rest if 1 <= n <= 6 else None
