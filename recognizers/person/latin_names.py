"""Names in Latin script, by shape and by the words that introduce them.

Notes about foreign residents, and notes written in English or mixed
languages, write names the way passports and forms do: ``NGUYEN Van Hung``,
``HARRIS, Daniel James``, ``Maria Santos Oliveira``, ``Mr. Owusu``,
``Nguyễn Thị Lan``, ``Bat-Ochir``, ``O'Sullivan``. No dictionary covers them,
but the cue before a name does: a title (``Mr.``, ``Ms.``, ``Señora``), a field
label (``Name:``, ``Caller:``, ``Applicant:``, ``氏名：``), a phrase
(``my name is``, ``married to``, ``tên là``, ``ako po si``), or a family name in
capitals beside a capitalised given name.

Scores: a title before → 0.6; a label or phrase before → 0.55; a family
name in capitals and a given name, no cue → 0.4 (another piece of evidence,
such as 様 after it, must agree). Words that are never name parts
(``Address``, ``Japan``, ``Room``) end a name.
"""

from __future__ import annotations

import re

from recognizers.person.candidate import Candidate
from recognizers.spelled import FIRST_CHARS as SPELLED_FIRST_CHARS
from recognizers.spelled import read_spelled

#: a lone word in capitals this short, with no title before it, is an acronym (SMS, FAX)
MAX_ACRONYM = 4
TITLE_SCORE = 0.6
CUE_SCORE = 0.55
SHAPE_SCORE = 0.4
#: letters from which a family name in capitals is no acronym, and what that adds
LONG_FAMILY = 4
LONG_FAMILY_BONUS = 0.05

#: a word of Latin letters (accents and Vietnamese included), with ' or - inside
_WORD = r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+(?:['’\-][A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+)*"
_NAME = re.compile(rf"{_WORD}(?:,? {_WORD}){{0,7}}")

TITLES: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Madam", "Mme", "Sr", "Sra", "Señor",
    "Señora", "Senhor", "Senhora", "Sig", "Herr", "Frau", "Ông", "Bà", "Anh", "Chị",
)  # fmt: skip
#: field labels and phrases after which a name is written (not speaker labels such
#: as 相談者 or User, which a whole utterance follows)
CUES: tuple[str, ...] = (
    "Name", "NAME", "Full name", "full name", "Caller", "Applicant", "Insured", "Taxpayer",
    "Groom", "Bride", "Husband", "Wife", "Spouse", "Father", "Mother", "Son", "Daughter",
    "Child", "Children", "Tenant", "Resident", "Patient", "Guarantor", "Landlord",
    "Contact person", "Agent", "Tax agent", "From", "Sender", "Interpreter", "Requester",
    "Reporter", "Owner", "Account holder", "Account name",
    "Signed", "Regards", "Best regards", "Sincerely", "my name is", "My name is",
    "my name", "name is", "I am", "I'm", "this is", "This is", "married to", "with wife",
    "with husband", "with his wife", "with her husband", "daughter", "son", "friend",
    "wife", "husband", "tên là", "tên tôi là", "meu nome é", "me llamo", "mi nombre es",
    "ako po si", "ako si", "si", "kay", "mero naam", "naam", "Me llamo", "Mi nombre es",
    "Meu nome é",
    "Sou a", "Sou o", "Eu sou a", "Eu sou o", "Meu filho é o", "Minha filha é a",
    "meu marido é o", "minha esposa é a", "em là", "Em là", "tên em là", "Tên em là",
    "tôi là", "Tôi là", "bố là", "mẹ là", "vợ là", "chồng là", "con là", "Vợ anh ấy là",
    "vợ anh ấy là", "chồng chị ấy là", "pangalan ko po ay", "Ang pangalan ko po ay",
    "pangalan ko ay", "Ang pangalan ko ay", "Si", "nama saya", "Nama saya", "Saya",
    "jina langu ni", "naam ho", "Shrimatiko naam", "Srimanko naam", "Chorako naam",
    "Chhoriko naam", "ko naam", "llamado", "llamada", "chamado", "chamada", "named",
    "called", "氏名", "名前", "英字氏名", "申請者",
    "申込者", "本人", "届出人", "父", "母", "妻", "夫", "長男", "長女", "次男", "次女",
    "三男", "三女", "子", "娘", "息子", "孫", "申出人", "名義",
)  # fmt: skip
#: lower-case words inside a name, between two capitalised parts
NAME_PARTICLES = frozenset(
    {"de", "da", "do", "das", "dos", "del", "della", "di", "van", "von", "der", "den", "bin",
     "binti", "bint", "al", "el", "la", "le", "du", "y", "e", "ibn"}
)  # fmt: skip
#: capitalised words that are never part of a name
NOT_NAME_WORDS = frozenset(
    {
        "The", "This", "That", "My", "I", "He", "She", "We", "They", "It", "Please", "Thank",
        "Thanks", "Dear", "Hello", "Hi", "Yes", "No", "Ok", "OK", "Q", "A", "And", "Or",
        "Caller", "Name", "Address", "Phone", "Tel", "TEL", "Email", "E-mail", "Mail", "DOB",
        "Date", "Birth", "Japan", "Japanese", "English", "Tokyo", "Osaka", "City", "Ward",
        "Office", "Room", "Street", "Road", "Mr", "Ms", "Mrs", "Dr", "From", "To", "Subject",
        "Re", "Fw", "Fwd", "Cc", "ID", "NHI", "Number", "Passport", "Residence",
        "Card", "Visa", "Tax", "Pension", "Insurance", "Bank", "Account", "Branch", "Post",
        "Note", "Notes", "Issue", "Request", "Memo", "Desk", "Staff", "Operator",
        "User", "Chat", "Line", "LINE", "Zoom", "Google", "Gmail", "Yahoo", "Outlook", "Apple",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Nationality", "Employer",
        "Current", "Former", "Applicant", "Insured", "Child", "Children", "Husband", "Wife",
        "Son", "Daughter", "Father", "Mother", "Tenant", "Contact", "Agent", "Interpreter",
        "Vietnam", "Philippines", "Nepal", "China", "Korea", "Brazil", "Peru", "India", "Ghana",
        "Indonesia", "Mongolia", "Ireland", "Poland", "Canada", "USA", "UK", "Thailand",
        "Myanmar", "Sri", "Lanka", "Bangladesh", "Pakistan", "Malaysia", "Singapore",
        "Kita", "Minami", "Higashi", "Nishi", "Chuo", "Naka", "Mansion", "Heights", "Apt",
        "Building", "Bldg", "Floor", "Via", "Online", "Portal", "Counter", "Window", "School",
        "Hospital", "Clinic", "Station", "Center", "Centre", "Hall", "Co", "Ltd", "Inc",
        "Corp", "Company", "Group", "Service", "Services", "Support", "Team", "Dept",
        "Department", "Division", "Section", "Bureau", "Embassy", "Consulate", "Immigration",
        "Basic", "Full", "Given", "Family", "Middle", "Surname", "Last", "First",
        "Avenue", "Ave", "St", "Rd", "Blvd", "Lane", "Drive", "Square", "Plaza", "Tower",
        "Hotel", "University", "College", "Church", "Mall", "Market", "Bridge",
        # how an utterance starts, in English and the languages callers mix in
        "Can", "Could", "Would", "Will", "What", "Where", "When", "Why", "How", "Who", "Is",
        "Are", "Do", "Does", "Did", "Sorry", "Excuse", "Okay", "Sure", "Maybe", "Well", "So",
        "But", "Also", "Then", "Now", "Today", "Tomorrow", "Yesterday", "Good", "Morning",
        "Afternoon", "Evening", "Just", "Actually", "Because", "If", "Let", "Need", "Want",
        "Have", "Has", "Our", "Your", "His", "Her", "Their", "You", "Not", "Here", "There",
        "Dạ", "Vâng", "Không", "Sim", "Não", "Sí", "Opo", "Po", "Oo", "Namaste", "Xin",
        # the first word of "my name is" in the languages callers speak
        "With", "For", "Of", "In", "On", "At", "By", "Live", "Music", "Festival", "Tour",
        "Sou", "Eu", "Meu", "Minha", "Me", "Mi", "Em", "Tôi", "Tên", "Ang", "Ako", "Saya",
        "Nama", "Mero", "Usko", "Yung", "Soy", "Tengo", "Tenho",
        "Chào", "Olá", "Hola", "Bom", "Obrigado", "Obrigada", "Gracias", "Salamat",
        # words of a form or a sentence in the callers' languages (Ngày sinh: birth date)
        "Ngày", "Tháng", "Năm", "Địa", "Số", "Records", "Record", "Registry", "Resident",
        "Consultante", "Cliente", "Usuario", "Usuário", "Solicitante", "Requerente",
    }
)  # fmt: skip

_TITLE_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(（「,、:：]))(?:{'|'.join(map(re.escape, TITLES))})\.?[ \u3000]+$"
)
_CUE_ALT = "|".join(map(re.escape, sorted(CUES, key=len, reverse=True)))
#: Japanese words that introduce a name's spelling (在留カードのローマ字はPARK SEOYEON),
#: glued to the word before them as Japanese is
_SPELLING_CUE = (
    r"(?:ローマ字|英字|アルファベット|スペル|つづり|綴り)(?:表記|氏名)?(?:は|で|が|だと)?"
)
#: hesitations a speaker leaves between the cue and the name ("this is, uh, Daniel"),
#: in English and in the Japanese of a transcript
FILLERS: tuple[str, ...] = (
    "uh", "uhm", "um", "umm", "er", "erm", "ah", "eh", "hmm", "well", "like", "えー", "あの",
    "えっと",
)  # fmt: skip
_FILLER_GAP = rf"(?:[,、.…]*[ \u3000]*(?:{'|'.join(map(re.escape, FILLERS))})[,、.…]*)*"
_CUE_BEFORE = re.compile(
    rf"(?:(?:^|(?<=[\s(（「,、。:：/]))(?P<cue>{_CUE_ALT})|{_SPELLING_CUE})"
    rf"[ \u3000]*(?:[①-⑳]|[(（]?\d{{1,2}}[)）]?)?[ \u3000]*[:：]?{_FILLER_GAP}[ \u3000]*$"
)
#: a list entry's marker at the line start (・, -, 1., ①, #3): a callback list or a
#: household's members, one person a line
_LIST_MARKER = re.compile(
    r"(?:^|\n)[ \u3000]*(?:[・•\-*◦]|[①-⑳]|#?\d{1,2}[.)）]|[(（]\d{1,2}[)）])[ \u3000]*$"
)
#: what a list entry of a person holds after the name: a phone number or an honorific
#: right after the name (a language code in brackets and a dash may stand between)
_PERSON_ENTRY_REST = re.compile(
    r"[ \u3000]*(?:[(（][A-Za-z]{1,4}[)）])?[ \u3000]*[—–\-:：,、/｜|]?[ \u3000]*"
    r"(?:[+\d(（][\d()（） +\-‐ー−]{8,}|様|さん|氏)"
)
#: cues after which a note lists several people (Children: Hana (DOB …), Leo (DOB …))
LIST_CUES = frozenset(
    {"Children", "children", "Child", "Kids", "kids", "子", "子ども", "子供", "世帯員", "家族"}
)
#: between two entries of such a list: what the entry before holds after its name (its
#: birth date in brackets, a school year such as 小4), then a comma or an "and"
_LIST_GAP = re.compile(
    r"(?:[ \u3000]*[(（][^()（）\n]{0,40}[)）]|[ \u3000]+[^\sA-Za-z,、;，()（）]{1,6})?"
    r"[ \u3000]*(?:[,、;，][ \u3000]*(?:(?:and|&)[ \u3000]+)?|[ \u3000]+(?:and|&)[ \u3000]+)"
)
#: given names common among foreign residents (English, Irish, Iberian and Latin
#: American, Filipino, South Asian, Korean), hand-written; words that are also common
#: English words (Will, May, Grace, Mark) are left out
KNOWN_GIVEN = frozenset(
    {
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
        "Charles", "Daniel", "Matthew", "Anthony", "Paul", "Andrew", "Steven", "Stephen", "Kevin",
        "Brian", "George", "Edward", "Ryan", "Jacob", "Emily", "Emma", "Olivia", "Sophia",
        "Sarah", "Jessica", "Jennifer", "Elizabeth", "Mary", "Linda", "Susan", "Karen", "Lisa",
        "Laura", "Anna", "Hannah", "Rachel", "Rebecca", "Amanda", "Michelle", "Nicole",
        "Samantha", "Chloe", "Lily", "Oliver", "Liam", "Noah", "Ethan", "Lucas", "Benjamin",
        "Alexander", "Henry", "Jack", "Harry", "Sean", "Patrick", "Siobhan", "Aoife", "Ciara",
        "Niamh", "Conor", "Declan", "Peter", "Christopher", "Jonathan", "Nathan", "Adam",
        "Emmanuel", "Kwame", "Kofi", "Ama", "Abena", "Chinedu", "Oluwaseun", "Fatima",
        "Mohammed", "Muhammad", "Ahmed", "Ali", "Omar", "Aisha", "Maria", "María", "Jose",
        "José", "Juan", "Carlos", "Luis", "Jorge", "Miguel", "Pedro", "Diego", "Alejandro",
        "Fernando", "Ricardo", "Eduardo", "Roberto", "Antonio", "Manuel", "Francisco",
        "Sofia", "Sofía", "Valentina", "Lucia", "Lucía", "Carmen", "Isabel", "Gabriela",
        "Joao", "João", "Paulo", "Gabriel", "Rafael", "Fernanda", "Juliana", "Thiago",
        "Tiago", "Bruno", "Rodrigo", "Marcelo", "Luciana", "Patricia", "Camila", "Beatriz",
        "Mariana", "Ana", "Leonardo", "Felipe", "Gustavo", "Mateus", "Larissa", "Leticia",
        "Letícia", "Angelo", "Jerome", "Rowena", "Maricel", "Christine", "Kristine",
        "Marites", "Jocelyn", "Analyn", "Rogelio", "Ramon", "Ramón", "Priya", "Anjali",
        "Sita", "Bikram", "Suman", "Sunita", "Rajesh", "Deepak", "Ramesh", "Srishti", "Sarita",
        "Anil", "Sanjay", "Pooja", "Kiran", "Minji", "Yuna", "Jisoo", "Seoyeon", "Jiwoo",
        "Minho", "Jihoon", "Hyun", "Sergei", "Olga", "Natalia", "Anastasia", "Dmitri",
        "Ivan", "Piotr", "Katarzyna", "Agnieszka", "Tomasz", "Andrzej", "Hans", "Klaus",
        "Pierre", "Jean", "Marie", "Sophie", "Camille", "Giulia", "Marco", "Luca",
        "Tom", "Ben", "Sam", "Alex", "Nick", "Mike", "Chris", "Tony", "Kate", "Lucy", "Amy",
        "Siti", "Dewi", "Putri", "Agus", "Budi", "Andi", "Rizky", "Ram", "Hari", "Krishna",
        "Gita", "Laxmi", "Bishnu", "Sabina", "Anita", "Manisha", "Binod", "Prakash",
        "Santosh", "Arnel", "Ronaldo", "Rodel", "Jasmine", "Angelica", "Aung", "Kyaw",
        "Thida", "Kavindu", "Nimal", "Dilshan", "Somchai", "Renato", "Cristina",
        "Cristiano", "Adriana", "Andrea", "Monica", "Mónica", "Veronica", "Elena", "Rosa",
    }
)  # fmt: skip
#: family names common among foreign residents, in Latin letters
KNOWN_FAMILY = frozenset(
    {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
        "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Thompson", "White",
        "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young", "Wright", "Scott",
        "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Nguyen", "Tran", "Pham",
        "Hoang", "Huynh", "Phan", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong", "Santos",
        "Silva", "Oliveira", "Souza", "Sousa", "Pereira", "Costa", "Rodrigues", "Ferreira",
        "Gomes", "Almeida", "Ribeiro", "Carvalho", "Lima", "Araujo", "Araújo", "Garcia",
        "García", "Martinez", "Martínez", "Lopez", "López", "Gonzalez", "González",
        "Hernandez", "Hernández", "Perez", "Pérez", "Sanchez", "Sánchez", "Ramirez",
        "Ramírez", "Torres", "Flores", "Rivera", "Cruz", "Reyes", "Bautista", "Mendoza",
        "Ramos", "Aquino", "Castillo", "Villanueva", "Gurung", "Thapa", "Tamang", "Shrestha",
        "Sharma", "Singh", "Kumar", "Patel", "Adhikari", "Magar", "Karki", "Koirala",
        "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu", "Xu", "Sun",
        "Koh", "Tan", "Lim", "Ong", "Goh", "Chua", "Wong", "Chan", "Cheung", "Leung",
        "O'Brien", "Murphy", "Kelly", "Walsh", "Byrne", "Ryan", "Kowalski", "Nowak",
        "Wiśniewski", "Ivanov", "Petrov", "Smirnov", "Müller", "Schmidt", "Schneider",
        "Fischer", "Weber", "Rossi", "Russo", "Dubois", "Bernard", "Owusu", "Mensah",
        "Okafor", "Okoro", "Khan", "Rahman", "Hossain", "Ahmed", "Ly", "Vo", "Dinh", "Truong",
        "Lam", "Wijaya", "Santoso", "Saputra", "Hidayat", "Perera", "Jayasinghe", "Bandara",
        "Quispe", "Mamani", "Huaman", "Chavez", "Chávez", "Vargas", "Rojas", "Díaz", "Diaz",
        "Morales", "Gutierrez", "Gutiérrez", "Castro", "Romero", "Alvarez", "Álvarez", "Ruiz",
        "Jimenez", "Jiménez", "Moreno", "Medina", "Aguilar", "Vasquez", "Vásquez", "Herrera",
        "Alves", "Barbosa", "Martins", "Rocha", "Dias", "Nascimento", "Fernandes", "Moreira",
        "Cardoso", "Teixeira", "Correia", "Mendes", "Nunes", "Soares", "Vieira", "Monteiro",
        "Machado", "Shin", "Seo", "Kwon", "Hwang", "Ahn", "Yoo", "Jeon", "Li", "Zhu", "Hu",
        "Guo", "Luo", "Gao", "Lin", "Zheng", "Xie", "Tang", "Feng", "Deng", "Cao", "Peng",
        "Zeng", "Xiao", "Tian", "Pan", "Yuan", "Cai", "Jiang", "Ye", "Cheng", "Ding",
        "Shen", "Yao", "Cui", "Liang",
        # Vietnamese as the residents write them, with their marks
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Trịnh", "Đoàn", "Lâm",
    }
)  # fmt: skip
KNOWN_SCORE = 0.5
#: a family name alone in capitals counts from this many letters (OLIVEIRA, not LEE)
KNOWN_FAMILY_ALONE = 5
#: a given name alone counts from this many letters (Aoife, Emily; not Sam, Ali)
KNOWN_GIVEN_ALONE = 4


def _known_name(words: list[str]) -> bool:
    """Capitalised words that hold a known given name first or a known family name.

    ``Daniel Koh``, ``Kim Yuna``, ``OLIVEIRA``: no cue, but the lists agree.
    """
    titled = [w if not _is_family_in_capitals(w) else w.capitalize() for w in words]
    if len(words) == 1:
        return (
            _is_family_in_capitals(words[0])
            and len(words[0]) >= KNOWN_FAMILY_ALONE
            and titled[0] in KNOWN_FAMILY
        ) or (len(words[0]) >= KNOWN_GIVEN_ALONE and words[0] in KNOWN_GIVEN)
    return titled[0] in KNOWN_GIVEN or titled[0] in KNOWN_FAMILY or titled[-1] in KNOWN_FAMILY


#: a lower-case Latin word right after: the utterance goes on (Con gái em, Mera naam)
_SENTENCE_GOES_ON = re.compile(r"[ \u3000]+[a-zß-ÿ\u0100-\u024F\u1E00-\u1EFF]")
#: capitalised cue words and titles that open a line as a name's first word would
#: (Si Kenji, Ms Okafor): never part of the name
LEAD_WORDS = frozenset(c for c in (*CUES, *TITLES) if " " not in c and c[:1].isupper())


def _is_latin_word(word: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or c in "'’-" for c in word)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_family_in_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


#: a romanised place's administrative suffix, hyphened on (Hamamatsu-shi, Naka-ku,
#: Takatsuka-cho, Kamo-gun): the word is a city, ward, town or county, never a name
_PLACE_SUFFIX = re.compile(
    r"[A-Za-z\u00C0-\u024F]{2,}-(?:shi|ku|cho|chō|chou|machi|gun|ken|mura|son)",
    re.IGNORECASE,
)
#: the English word after a place's name (Toyota City, Kita Ward, Aichi Prefecture)
_PLACE_AFTER = re.compile(r"[ \u3000]+(?:City|Ward|Town|Village|County|Prefecture)\b")


def _is_place_word(text: str, start: int, end: int) -> bool:
    """Whether the Latin word at ``start:end`` names a place, not a person.

    Romanised addresses write the administrative unit on the word
    (``Hamamatsu-shi Naka-ku Sumiyoshi 2-13-5``) or as an English word after it
    (``Toyota City``): such a word, and the town words that follow it, are an
    address's parts, which a name cue before them (``From:``, ``本人：``) does not
    make a name.
    """
    return _PLACE_SUFFIX.fullmatch(text, start, end) is not None or (
        _PLACE_AFTER.match(text, end) is not None
    )


def _place_run_end(text: str, start: int) -> int:
    """Where the place words starting at ``start`` end (``start`` if none).

    After a place word, the capitalised words that go on in the same run
    (``Naka-ku Sumiyoshi``) are its town parts too.
    """
    m = _NAME.match(text, start)
    if m is None:
        return start
    words = list(re.finditer(_WORD, m.group(0)))
    if not words or not _is_place_word(text, start + words[0].start(), start + words[0].end()):
        return start
    return start + words[-1].end()


def _name_words(text: str, start: int) -> list[tuple[int, int]]:
    """The capitalised Latin words of a name starting at ``start``, stopping at a non-name."""
    m = _NAME.match(text, start)
    if m is None:
        return []
    words: list[tuple[int, int]] = []
    particles = 0
    for w in re.finditer(_WORD, m.group(0)):
        word = w.group(0)
        if words and particles < 2 and word in NAME_PARTICLES:
            particles += 1  # de Souza, van der Berg, bin Rahman
            continue
        if not (_is_latin_word(word) and _is_capitalised(word)) or word in NOT_NAME_WORDS:
            break
        if _is_place_word(text, start + w.start(), start + w.end()):
            break  # Maria Santos, Hamamatsu-shi …: the address begins
        particles = 0
        if (
            words
            and text[start + words[-1][1] : start + w.start()].startswith(",")
            and not all(_is_family_in_capitals(text[start + a : start + b]) for a, b in words)
        ):
            break  # HARRIS, Daniel / DELA CRUZ, Jerome: a comma only after a family in capitals
        words.append((w.start(), w.end()))
    return [(start + s, start + e) for s, e in words]


#: a name spelled letter by letter (T-R-A-N, H、U、N、G) …
_SPELLED_LETTERS = re.compile(r"(?<![A-Za-z])[A-Z](?:[-‐、,・][A-Z]){2,}(?![A-Za-z])")
#: … after someone asked for the spelling
_SPELLING_ASKED = re.compile(
    r"つづり|綴り|スペル|アルファベット|ローマ字|[Ss]pell|đánh vần|soletr|deletre|baybayin"
)
#: how far back the request for the spelling may stand
SPELLING_WINDOW = 200


#: a katakana or Latin name and は right before a spelling (フェルナンデスは えふ いー…)
_NAME_THEN_WA = re.compile(r"[\u30a1-\u30faA-Za-z][\u30a1-\u30fa\u30fcA-Za-z]*は[ \u3000]*$")
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}


def spelled_name_candidates(text: str) -> list[Candidate]:
    """Letters said one by one after a request for the spelling of a name.

    Typed as capitals (T-R-A-N) or said as letter names in kana, as
    speech-to-text and interpreters write them (エヌ・ジー・ユー…,
    えふ いー あーる…): a run of letters only, no digit or mail word (an e-mail
    read out holds あっと, どっと), after a request for the spelling or right
    after the name it spells and は.
    """
    out: list[Candidate] = []
    for m in _SPELLED_LETTERS.finditer(text):
        if _SPELLING_ASKED.search(text, max(0, m.start() - SPELLING_WINDOW), m.start()):
            out.append(Candidate(m.start(), m.end(), "latin_spelled", CUE_SCORE))
    hira = text.translate(_KATA_TO_HIRA)
    i = 0
    while i < len(hira):
        if hira[i] not in SPELLED_FIRST_CHARS or (i > 0 and _is_kana(hira[i - 1])):
            i += 1
            continue
        pieces = read_spelled(hira, i)
        if pieces is None:
            i += 1
            continue
        end = pieces[-1].end
        letters = all(len(p.out) == 1 and p.out.isalpha() for p in pieces)
        if letters and not _is_kana(hira[end : end + 1]):
            before = text[max(0, i - SPELLING_WINDOW) : i]
            if _SPELLING_ASKED.search(before) or _NAME_THEN_WA.search(before):
                out.append(Candidate(i, end, "latin_spelled", CUE_SCORE))
        i = end
    return out


def _is_kana(ch: str) -> bool:
    return bool(ch) and ("\u3041" <= ch <= "\u3096" or ch == "ー")


def latin_name_candidates(text: str) -> list[Candidate]:
    """Latin-script names in ``text`` with the evidence that introduces each."""
    out: list[Candidate] = spelled_name_candidates(text)
    taken_until = -1
    #: where the last entry of a list of people ended (-1: no list open)
    listing_from = -1
    for m in re.finditer(rf"(?<![A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’\-]){_WORD}", text):
        if m.start() < taken_until:
            continue
        place_end = _place_run_end(text, m.start())
        if place_end > m.start():
            taken_until = place_end  # Hamamatsu-shi Naka-ku Sumiyoshi: an address's words
            continue
        words = _name_words(text, m.start())
        if not words:
            continue
        if len(words) >= 2 and text[words[0][0] : words[0][1]] in LEAD_WORDS:
            words = words[1:]  # "Si Kenji": the Tagalog cue, then the name
        start, end = words[0][0], words[-1][1]
        before = text[max(0, start - 24) : start]
        cue = _CUE_BEFORE.search(before)
        listed = listing_from >= 0 and _LIST_GAP.fullmatch(text, listing_from, start) is not None
        listing_from = -1
        if _TITLE_BEFORE.search(before):
            source, score = "latin_title", TITLE_SCORE
        elif cue is not None:
            if (
                len(words) == 1
                and cue.group("cue") is not None
                and not cue.group("cue").isascii()
                and _SENTENCE_GOES_ON.match(text, end)
            ):
                continue  # 本人：Con gái em…, 妻：Asawa ko po…: a speaker's turn, not a name
            source, score = "latin_cue", CUE_SCORE
            if cue.group("cue") in LIST_CUES:
                listing_from = end
        elif listed:
            # Children: Hana (DOB …), Leo (DOB …): the next entry of the list the cue opened
            source, score = "latin_listed", CUE_SCORE
            listing_from = end
        elif _known_name([text[s:e] for s, e in words]):
            source, score = "latin_known", KNOWN_SCORE
        elif (
            len(words) >= 2
            and _LIST_MARKER.search(text, max(0, start - 8), start)
            and _PERSON_ENTRY_REST.match(text, end)
        ):
            # ・Tran Thi Lan（VI）080-1145-7092: one person a line, their number after
            source, score = "latin_list", CUE_SCORE
        elif (
            len(words) >= 2
            and any(_is_family_in_capitals(text[s:e]) for s, e in words)
            and any(not _is_family_in_capitals(text[s:e]) for s, e in words)
        ):
            # a long family name in capitals (GURUNG, ARAUJO) is a passport's way of
            # writing; a short one (NHK, JR) is as often an acronym
            families = [(s, e) for s, e in words if _is_family_in_capitals(text[s:e])]
            long_family = len(families) == 1 and families[0][1] - families[0][0] >= LONG_FAMILY
            source, score = "latin_shape", SHAPE_SCORE + (LONG_FAMILY_BONUS if long_family else 0)
        else:
            continue
        if len(words) == 1 and (
            len(text[start:end]) < 2
            or (
                source != "latin_title"
                and _is_family_in_capitals(text[start:end])
                and len(text[start:end]) <= MAX_ACRONYM
            )
        ):
            continue  # 本人SMSで, 長男 TEL: a lone short word in capitals is an acronym
        out.append(Candidate(start, end, source, score))
        taken_until = end
    return out
