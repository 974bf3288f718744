"""The closed word lists and code sets the event coder reads the parse with: prepositions that
can name a party, verbs whose grammar decides who is source and target, CAMEO roots that behave
alike. Open-ended vocabularies (verb patterns, event nouns) are data files under data/verbs."""

from __future__ import annotations

__all__ = [
    "ACCUSATION_NOUNS",
    "AGENT_NOUNS",
    "BLAME_ADJECTIVES",
    "BLAME_NOUNS",
    "CALLING_VERBS",
    "CLAUSE_DEPS",
    "COLLECTIVE",
    "COMMITMENT_NOUNS",
    "COMPOUND_PREPS",
    "CONDITIONAL_ROOTS",
    "CONDITION_MARKS",
    "CONTENT_ROOTS",
    "DECIDING_VERBS",
    "DOCUMENT_NOUNS",
    "DOMESTIC_AUTHORITIES",
    "ENVOY_SECTORS",
    "EXPRESSING_VERBS",
    "GIVING_VERBS",
    "GROUP_HEADS",
    "HELPING_VERBS",
    "INNER_HOSTS",
    "INNER_PREPS",
    "INTENT_CODES",
    "LAW_NOUNS",
    "LETTING_VERBS",
    "LIGHT_VERBS",
    "MOVING_VERBS",
    "NAMING_VERBS",
    "NOT_AGENTS",
    "NOUN_TARGET_PREPS",
    "OBJECT_CONTROL",
    "ONE_SIDED_CODES",
    "OWNED_STATES",
    "PARTY_DEPS",
    "PEACEKEEPING",
    "PERSONAL",
    "PERSUADING_VERBS",
    "PLACED_ROOTS",
    "PLACE_ACT_ROOTS",
    "PLACE_PREPS",
    "PLACE_TARGET_ROOTS",
    "PRAISE_NOUNS",
    "PRONOUN_KINDS",
    "PROPOSAL_NOUNS",
    "PROTESTED_DEPS",
    "PROTEST_WORDS",
    "RECEIVING_VERBS",
    "RECIPROCAL_ROOTS",
    "REFUGE_NOUNS",
    "REFUSAL_CODES",
    "REFUSED_ROOTS",
    "REFUSED_YIELDS",
    "RETURNING_VERBS",
    "ROLE_NOUNS",
    "SAYING_ROOTS",
    "SENDING_VERBS",
    "SPEECH_VERBS",
    "STANCE_PARTICIPLES",
    "STRIKE_VERBS",
    "SWAPPING_VERBS",
    "TARGETLESS_CODES",
    "TARGETLESS_ROOTS",
    "TARGET_PREPS",
    "THREAT_CODES",
    "THREAT_ROOTS",
    "TOPIC_PREPS",
    "UNDERGOING_VERBS",
    "VIOLENT_ROOTS",
    "VISITING_VERBS",
]

# Children that open another clause: their words are not the trigger's pattern context.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "punct", "mark", "conj", "cc"}
# Prepositions whose object can be an event's target ("appeal to", "meet with", "attack on").
TARGET_PREPS = {"to", "with", "on", "upon", "against", "at", "toward", "towards", "into", "from", "for",
                "over", "of", "in", "about", "onto"}
NOUN_TARGET_PREPS = {"of", "on", "against", "in", "to", "into", "with", "towards", "toward", "for", "between",
                     "among"}
# Prepositions inside a non-actor object that name the party it concerns, agent first
# ("a request by X", "an offer from X", "the death of X", "sanctions against X").
INNER_PREPS = ("by", "from", "of", "against", "into", "on", "with", "to", "between", "among", "for")
# Prepositions whose object may hold such a party ("called for sanctions against X", "respond to a
# request from X"); not place or time ones ("in the city of X").
INNER_HOSTS = {"for", "to", "with", "against", "on", "upon", "into", "about", "from", "toward", "towards", "over"}
# Verbs that take an object and hand the event to a "to"-complement's subject ("urged X to ...").
# Participles that state their subject's stance ("is opposed to", "is committed to").
STANCE_PARTICIPLES = {"opposed", "committed", "determined", "prepared", "resolved", "dedicated", "devoted",
                      "engaged", "involved"}  # "were engaged in ethnic cleansing": what they did
# Verbs of going somewhere: a visit's place is its host ("arrived in Amman", "visited Moscow").
VISITING_VERBS = {"arrive", "visit", "travel", "fly", "tour"}
# Light verbs with which "strike" is a labour or political strike, not a military one.
STRIKE_VERBS = {"stage", "stag", "hold", "begin", "call", "organize", "organise", "start", "continue", "declare"}
# Verbs of letting, whose object the parser may make the subject of a bare complement.
LETTING_VERBS = {"allow", "let", "permit", "help", "make"}
OBJECT_CONTROL = {"call", "urge", "ask", "tell", "order", "force", "persuade", "press", "encourage",
                  "invite", "allow", "help", "push", "pressure", "expect", "want", "convince"}
# Verbs that carry an event noun without adding meaning of their own ("launched an offensive").
LIGHT_VERBS = {"launch", "wage", "carry", "conduct", "begin", "continue", "start", "mount", "escalate",
               "open", "order", "head", "file", "impose", "make", "issue", "announce", "join", "level", "hold",
               "renew", "resume", "stag",  # "stag": the model's lemma of "staged"
               "intensify", "step", "have", "lead", "give", "deliver", "stage", "pursue", "undertake",
               # verbs of expressing: "expressed its condemnation of X", "reiterated its support for X"
               "express", "voice", "reiterate", "reaffirm", "convey", "repeat"}
SPEECH_VERBS = {"say", "tell", "state", "announce", "affirm", "assure", "declare", "add", "insist",
                "claim", "note", "stress", "write", "report", "explain", "argue", "warn", "remark",
                "emphasize", "emphasise", "point", "believe", "think", "deny", "suggest", "acknowledge",
                "reiterate", "conclude", "repeat", "maintain", "reaffirm"}
# Verbs of persuading someone "that" something is so: what the clause judges is the persuader's judgement.
PERSUADING_VERBS = {"convince", "persuade", "reassure"}
# Copular appraisals in reported speech: "Putin said that Colombia is a promising partner" -> praise.
PRAISE_NOUNS = {"partner", "ally", "friend", "brother", "model", "leader", "example", "pillar"}
BLAME_NOUNS = {"threat", "enemy", "aggressor", "terrorist", "criminal", "dictator", "danger", "liar",
               "puppet", "regime", "menace", "adversary"}
# What is charged against someone: judged false, the judging defends them (052, "defend verbally").
ACCUSATION_NOUNS = {"allegation", "accusation", "charge", "claim"}
# "The government said Taliban militants were responsible": blaming them (112).
BLAME_ADJECTIVES = {"responsible", "guilty", "culpable", "complicit", "liable"}
# Roles in which a purpose clause names a party ("to resolve the rift between Qatar and ..."); a
# protest's purpose may name it as a possessor too ("to protest President Assad's failure").
PARTY_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
PROTESTED_DEPS = PARTY_DEPS | {"poss"}
# Violent acts, whose target may sit deep inside their object ("attacked a Daesh explosives factory").
VIOLENT_ROOTS = {"18", "19", "20"}
# Codes of what is said or offered (appeals, intents, talks, praise, demands, criticism, rejections,
# threats): an event noun of these names its sayer "from X" ("an appeal from the United Nations").
SAYING_ROOTS = {"02", "03", "04", "05", "10", "11", "12", "13"}
# Codes whose event stands without a target (a protest, a mobilisation, an attack on a place).
TARGETLESS_ROOTS = {"14", "15", "18", "19", "20"}
# Concessions made to the public at large, whose target is seldom named: "lifted the state of
# emergency", "called off the strike" (and "will not end the strike", their refusal).
TARGETLESS_CODES = {"081", "0811", "0812", "0813", "0814", "082",
                    # and stepping down or laying down arms: "resigned", "surrendered", "demobilized"
                    "083", "0831", "0873", "0874"}
# Cooperation, and fighting, that conjoined actors do with each other ("Israel and Jordan signed a
# treaty", "Syria and Israel fired across the ceasefire line").
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}
# Force that conjoined subjects use together, never on each other: blockades and occupations.
ONE_SIDED_CODES = {"191", "192"}
# Material acts (and promises of them) whose place can stand for the target country
# ("attacked positions in Ukraine", "sent aid to Kuwait City").
PLACE_TARGET_ROOTS = {"03", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
# Rejections and threats whose target may be named only in their condition ("until X ...").
CONDITIONAL_ROOTS = {"12", "13"}
CONDITION_MARKS = {"until", "unless", "till", "before", "if"}
# Documents whose "-ing" clause states their issuer's act ("issued a statement condemning X").
DOCUMENT_NOUNS = {"report", "statement", "resolution", "declaration", "lawsuit", "suit", "letter", "bill",
                  "communique", "communiqué", "motion", "petition", "complaint", "message", "decree",
                  "note", "editorial", "video", "memo", "document", "study"}
# Prepositions that name what cooperation is about, not with whom ("talks on North Korea").
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
# Verbs whose subject undergoes what their object noun does ("The United States faced stiff
# international and Palestinian criticism"), and verbs of being under it ("Warren was under attack").
RECEIVING_VERBS = {"face", "draw", "receive", "attract", "earn", "endure", "weather", "incur"}
UNDERGOING_VERBS = {"be", "come", "remain", "fall", "stay"}
# Verbs that name or see their object as something ("called the sanctions illegal", "viewed
# Washington's move as a violation"): the judgement is the event, not a call or a statement.
NAMING_VERBS = {"call", "describe", "label", "brand", "term", "dub", "view", "see", "regard", "deem",
                "consider", "characterize", "characterise", "portray"}
# Laws and bills, which act through whoever passes or weighs them ("the Hong Kong Human Rights and
# Democracy Act, under consideration by the US Senate, would impose economic sanctions").
LAW_NOUNS = {"act", "bill", "law", "legislation", "resolution", "amendment", "ordinance", "decree", "measure"}
# Verbs of swapping, whose "for" phrase is what the other side gives back ("swapped hostages for
# commanders held by the government").
SWAPPING_VERBS = {"swap", "exchange", "trade"}
# Verbs of handing back, whose object is what is returned ("returned the artifacts to Peru").
RETURNING_VERBS = {"return", "hand", "transfer", "deliver", "repatriate"}
# Verbs of calling someone up, whose purpose may be the event ("called X to apologize").
CALLING_VERBS = {"call", "phone", "telephone", "ring"}
# Verbs of sending people somewhere, and the words that make a sending peacekeeping.
SENDING_VERBS = {"send", "dispatch", "deploy", "despatch"}
PEACEKEEPING = {"peacekeeping", "peacekeeper", "peacekeepers", "observer", "observers", "monitor", "monitors"}
# Nouns whose "to" clause is an act their holder stands by ("reiterated its commitment to support X").
COMMITMENT_NOUNS = {"commitment", "readiness", "willingness", "determination", "resolve"}
# Light verbs of expressing: their subject speaks for the possessor of the event noun.
EXPRESSING_VERBS = {"express", "voice", "reiterate", "reaffirm", "convey", "repeat"}
# Heads whose "to"-complement is their content, coded into the head's own code (not an event of its own).
CONTENT_ROOTS = {"02", "03", "10", "11", "12", "13"}
# Verbs of deciding: what was decided is done, so the "to"-complement is the event ("the court
# decided to allow X to run" is the concession, not an intent to make one).
DECIDING_VERBS = {"decide", "vote", "opt", "choose", "elect"}
# Common nouns that name an agent when no actor was resolved (used only with generic_arguments).
AGENT_NOUNS = {"police", "government", "army", "troops", "soldiers", "forces", "rebels", "militants",
               "protesters", "demonstrators", "court", "judge", "prosecutors", "officials", "minister",
               "president", "military", "company", "lawmakers", "parliament", "authorities", "ministry",
               "insurgents", "fighters", "group", "opposition", "activists", "workers", "students"}
PERSONAL = ("person",)
COLLECTIVE = ("country", "government", "organisation", "igo", "group", "media")
PRONOUN_KINDS = {"he": PERSONAL, "him": PERSONAL, "she": PERSONAL, "her": PERSONAL, "his": PERSONAL,
                 "it": ("country", "government", "organisation", "igo", "media", "group"), "its": COLLECTIVE,
                 "they": COLLECTIVE, "them": COLLECTIVE, "their": COLLECTIVE}
# Role nouns the actors stage left unresolved ("the president-elect"): the kinds they can refer to.
ROLE_NOUNS = {"president": PERSONAL, "president-elect": PERSONAL, "elect": PERSONAL, "leader": PERSONAL,
              "minister": PERSONAL, "premier": PERSONAL, "chancellor": PERSONAL, "king": PERSONAL,
              "country": ("country",), "nation": ("country",), "government": ("government", "country", "person")}
# Acts that, with no party named, are aimed at the country where they happen: protests, threats
# and coercion ("demonstrated in Kirkuk", "will extend the curfew in Abidjan").
# Deployments and violent acts aimed at a place ("troops on alert in Manila", "air strikes on
# targets in Gaza"): the place's country is the target when no actor is named.
PLACE_ACT_ROOTS = {"07", "08", "15", "16", "17", "18", "19", "20"}
PLACE_PREPS = {"in", "into", "on", "against", "at", "to", "near", "across", "inside"}

PLACED_ROOTS = {"13", "14", "17"}
# Sectors that act within their own country: a group they act on is of that country.
DOMESTIC_AUTHORITIES = {"COP", "JUD", "GOV"}
# Sectors of a state whose people act abroad as well as at home (officials, diplomats).
ENVOY_SECTORS = {"GOV", "DIP"}
# A future cooperative act is coded as the intent to do it (CAMEO 03x: "will provide aid" -> 033),
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
                # and a future coercive act is a threat of it (13x: "will boycott" -> 133)
                "14": "133", "16": "131", "17": "132", "18": "138", "19": "138", "20": "138"}
# The CAMEO threat (13x) of each coercive act, where CAMEO names one ("will impose a curfew" 1323,
# "would tighten the blockade" 1381, "threatened to halt talks" 134); other codes take their root's.
THREAT_CODES = {"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
                "1661": "136", "1662": "136", "1663": "136", "1721": "1321", "1722": "1322", "1723": "1323",
                "1724": "1324", "175": "137", "191": "1381", "192": "1382", "180": "1383", "181": "1383",
                "182": "1383", "183": "1383", "184": "1383", "185": "1383", "186": "1383", "190": "1384",
                "193": "1384", "194": "1384", "195": "1384", "196": "1384", "200": "1385"}
# Coercive acts that, said to follow on a condition, are threats of them.
THREAT_ROOTS = {"14", "16", "17", "18", "19", "20"}
# Roots of cooperative acts whose refusal ("refused to meet", "declined to lift the curfew") is coded
# by the act refused (REFUSAL_CODES, REFUSED_YIELDS).
REFUSED_ROOTS = {"04", "06", "07", "08"}
# A refused cooperative act is the matching rejection ("will not lift the ban" -> 124).
REFUSAL_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Refusing a concession of each kind (CAMEO 124x): to ease sanctions, dissent, release, allow
# international involvement, de-escalate.
REFUSED_YIELDS = {"081": "1241", "082": "1242", "0841": "1243", "085": "1244", "086": "1245", "087": "1246"}
# Purpose clauses of aid whose object is who it is for ("sent food to help the refugees").
HELPING_VERBS = {"help", "support", "assist", "aid", "feed", "rebuild", "benefit", "relieve"}
# Verbs whose object is what is given, not who receives it ("offered its troops to Lebanon"; so is
# property returned, 0842: "returned six Iraqi artifacts to the government of Iraq").
GIVING_VERBS = {"offer", "pledge", "promise", "contribute", "donate", "send", "give", "provide", "supply"}
# Nouns of a state that a possessive ties to a person's country ("his country", "her government").
OWNED_STATES = {"country", "nation", "government"}
# Words of a protest one can join ("joining thousands of demonstrators").
PROTEST_WORDS = {"demonstrator", "protester", "protestor", "protest", "demonstration", "rally", "march", "strike",
                 "striker", "rioter", "sit-in"}
# Roots of support and aid, whose noun's possessor is the giver ("Washington's support for X").
GIVING_ROOTS = {"05", "06", "07"}
# Nouns of a proposed act, whose "to" clause names its party ("an invitation to attend a meeting of X").
PROPOSAL_NOUNS = {"invitation", "offer", "proposal", "plan", "request", "call", "demand", "bid", "initiative",
                  "ultimatum", "appeal", "suggestion"}
# Words that make "to" part of another preposition, naming no recipient ("according to a senator").
COMPOUND_PREPS = {"according", "due", "thanks", "next", "prior", "owing", "close", "contrary"}
# What people seek in a country, which then stands for it ("sought refuge in Germany").
REFUGE_NOUNS = {"refuge", "asylum", "shelter", "sanctuary"}
# Verbs of moving people or things away, whose object is what is moved ("withdrew its troops from
# X", "evacuated the wounded from Gorazde"): the place or party it is moved from is the target.
MOVING_VERBS = {"withdraw", "pull", "evacuate", "remove", "redeploy"}
# Heads that stand for the group their "of" phrase names ("thousands of Armenians").
GROUP_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
               "group", "crowd", "number", "members", "member", "supporters", "delegation", "leader", "leaders",
               "representatives", "minority", "majority"}
NOT_AGENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LOC", "FAC"}
