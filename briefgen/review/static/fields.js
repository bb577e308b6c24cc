// The model's sections as the page shows them: which fields each item has, how an item is
// named in lists, and what a selection of source text fills in when it becomes an item.
const PERSON = [
  { k: "name", label: "Name" },
  { k: "title", label: "Title" },
  { k: "affiliation", label: "Affiliation" },
  { k: "side", label: "Side" },
];
export const SECTIONS = [
  {
    key: "summary", label: "Summary", single: true, noun: "summary",
    help: "Your own bottom line up front, at most four lines; left empty, the memo composes it from the facts.",
    fields: [{ k: "lines", label: "Lines (one per line)", list: true, area: true }],
  },
  {
    key: "participants", label: "Participants", noun: "participant", fields: PERSON,
    head: (it) => it.name || it.title || "(no name)", fromSelection: (t) => ({ name: t }),
  },
  {
    key: "setting", label: "Setting", single: true, noun: "setting",
    fields: [
      { k: "date", label: "Date (YYYY-MM-DD)" },
      { k: "date_text", label: "Date as written" },
      { k: "location.city", label: "City" },
      { k: "location.country", label: "Country" },
      { k: "location.venue", label: "Venue" },
      { k: "occasion", label: "Occasion", area: true },
    ],
  },
  {
    key: "topics", label: "Topics", noun: "topic",
    fields: [
      { k: "label", label: "Label", required: true },
      { k: "category", label: "Category" },
      { k: "points", label: "Key points (one per line)", list: true, area: true },
    ],
    head: (it) => it.label, fromSelection: (t) => ({ label: t }),
  },
  {
    key: "commitments", label: "Commitments", noun: "commitment",
    fields: [
      { k: "actor", label: "Who" },
      { k: "action", label: "What", required: true, area: true },
      { k: "deadline", label: "By when" },
    ],
    head: (it) => (it.actor ? it.actor + ": " : "") + (it.action || ""), fromSelection: (t) => ({ action: t }),
  },
  {
    key: "quotes", label: "Quotes", noun: "quote",
    fields: [
      { k: "speaker", label: "Speaker" },
      { k: "text", label: "Words inside the quotation marks", required: true, area: true },
    ],
    head: (it) => (it.speaker ? it.speaker + ": " : "") + "“" + (it.text || "") + "”", fromSelection: (t) => ({ text: t }),
  },
  {
    key: "outlook", label: "Outlook", noun: "outlook item",
    fields: [{ k: "text", label: "Next step", required: true, area: true }],
    head: (it) => it.text, fromSelection: (t) => ({ text: t }),
  },
  {
    key: "background", label: "Background", noun: "background event",
    fields: [
      { k: "text", label: "Event", required: true, area: true },
      { k: "date_text", label: "Date as written" },
      { k: "date", label: "Date (YYYY-MM-DD)" },
    ],
    head: (it) => it.text, fromSelection: (t) => ({ text: t }),
  },
  {
    key: "mentioned", label: "Mentioned, did not take part", noun: "mentioned person", fields: PERSON,
    head: (it) => it.name || it.title || "(no name)", fromSelection: (t) => ({ name: t }),
  },
];
// Which colour a stretch of text takes when several fields rest on it: the narrowest
// facts first; the summary and the setting cite whole sentences and would hide the rest.
export const PRIORITY = ["quotes", "participants", "mentioned", "commitments", "outlook", "topics", "background", "setting", "summary"];
