//! Language identification for an article: the writing system first
//! (Cyrillic, Arabic, Han, ...), then, for Latin script, the share of words
//! that are each language's most frequent function words, with a few
//! letters that only some languages use as a tie-breaker. No model files,
//! no dependencies; a few kilobytes of word lists.

use super::fxhash::FxMap;

/// A guess at the language of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LanguageGuess {
    /// ISO 639-1 code ("en", "fr", "ru", "zh").
    pub code: &'static str,
    /// English name of the language.
    pub name: &'static str,
    /// 0 to 1: how clearly this language beats the others.
    pub confidence: f32,
    /// Words (or, for scripts without spaces, characters) looked at.
    pub sample: usize,
}

impl LanguageGuess {
    /// Confident enough to overrule a page's `lang` attribute.
    pub fn is_reliable(&self) -> bool {
        self.confidence >= 0.5 && self.sample >= 20
    }
}

/// Looks at up to this many bytes of the text.
const SAMPLE_BYTES: usize = 20_000;

struct Latin {
    code: &'static str,
    name: &'static str,
    words: &'static [&'static str],
    /// Letters that point to this language.
    letters: &'static str,
}

const LATIN: &[Latin] = &[
    Latin {
        code: "en",
        name: "English",
        words: &[
            "the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "he",
            "as", "at", "by", "this", "had", "not", "are", "but", "from", "have", "they", "his",
            "she", "which", "you", "were", "their", "has", "been", "would", "who", "will", "said",
            "an", "its", "or", "be",
        ],
        letters: "",
    },
    Latin {
        code: "fr",
        name: "French",
        words: &[
            "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "que", "qui", "dans",
            "pour", "pas", "sur", "au", "aux", "avec", "ce", "cette", "il", "elle", "ne", "se",
            "sont", "par", "plus", "mais", "ont", "été", "nous", "vous", "ils", "leur", "comme",
            "où", "à",
        ],
        letters: "çéèêëàâîïôûùœ",
    },
    Latin {
        code: "de",
        name: "German",
        words: &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem", "mit",
            "sich", "des", "auf", "für", "im", "von", "auch", "es", "an", "werden", "wird", "sie",
            "er", "wir", "aus", "bei", "nach", "wie", "oder", "aber", "noch", "hat", "sind",
            "einer", "dass", "über",
        ],
        letters: "äöüß",
    },
    Latin {
        code: "es",
        name: "Spanish",
        words: &[
            "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por",
            "con", "para", "no", "se", "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha",
            "este", "esta", "entre", "sobre", "también", "son", "desde", "muy", "hay", "ya",
        ],
        letters: "ñáíóú¿¡",
    },
    Latin {
        code: "it",
        name: "Italian",
        words: &[
            "il", "lo", "la", "gli", "le", "di", "del", "della", "e", "che", "è", "un", "una",
            "per", "non", "con", "sono", "da", "dei", "nel", "nella", "si", "anche", "come", "più",
            "ma", "alla", "al", "ha", "questo", "questa", "essere", "stato", "delle", "degli",
        ],
        letters: "àèéìòù",
    },
    Latin {
        code: "pt",
        name: "Portuguese",
        words: &[
            "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "no", "na",
            "um", "uma", "para", "com", "não", "por", "se", "mais", "foi", "ao", "como", "mas",
            "sua", "seu", "ele", "ela", "são", "também", "pelo", "pela", "está", "isso",
        ],
        letters: "ãõçâêôáéíóú",
    },
    Latin {
        code: "nl",
        name: "Dutch",
        words: &[
            "de", "het", "een", "en", "van", "is", "dat", "in", "op", "te", "zijn", "niet", "met",
            "voor", "die", "er", "aan", "ook", "als", "maar", "om", "bij", "door", "wordt", "naar",
            "ze", "hij", "nog", "wel", "dan", "uit", "heeft", "worden", "werd", "deze", "zijn",
        ],
        letters: "ij",
    },
    Latin {
        code: "sv",
        name: "Swedish",
        words: &[
            "och", "att", "det", "som", "en", "är", "på", "för", "av", "med", "till", "den", "har",
            "inte", "om", "ett", "var", "jag", "men", "de", "så", "sig", "från", "kan", "vid",
            "när", "eller", "också", "efter", "hade", "vi", "hon", "han", "detta",
        ],
        letters: "åäö",
    },
    Latin {
        code: "da",
        name: "Danish",
        words: &[
            "og", "at", "det", "en", "er", "på", "til", "for", "af", "med", "den", "ikke", "har",
            "som", "de", "et", "var", "jeg", "han", "hun", "men", "vi", "fra", "kan", "eller",
            "også", "efter", "blev", "havde", "skal", "denne", "være", "når", "mod",
        ],
        letters: "æøå",
    },
    Latin {
        code: "no",
        name: "Norwegian",
        words: &[
            "og", "i", "det", "er", "på", "til", "som", "en", "for", "av", "med", "at", "ikke",
            "har", "den", "de", "et", "var", "jeg", "han", "hun", "men", "vi", "fra", "kan",
            "eller", "også", "etter", "ble", "hadde", "skal", "denne", "være", "når", "mot",
        ],
        letters: "æøå",
    },
    Latin {
        code: "fi",
        name: "Finnish",
        words: &[
            "ja", "on", "ei", "että", "se", "oli", "hän", "kun", "mutta", "myös", "ovat", "tai",
            "kuin", "niin", "jo", "sen", "ole", "vain", "tämä", "joka", "nyt", "mitä", "voi",
            "ovat", "olla", "hänen", "jotka", "sekä", "sitä", "tässä",
        ],
        letters: "äö",
    },
    Latin {
        code: "pl",
        name: "Polish",
        words: &[
            "i", "w", "się", "na", "nie", "z", "do", "to", "że", "jest", "o", "jak", "ale", "po",
            "co", "tak", "za", "od", "przez", "dla", "jego", "już", "tylko", "może", "był", "była",
            "być", "są", "oraz", "jej", "ich", "ten", "ta", "które", "który",
        ],
        letters: "ąćęłńśźż",
    },
    Latin {
        code: "cs",
        name: "Czech",
        words: &[
            "a", "v", "se", "na", "je", "že", "s", "z", "do", "to", "o", "jako", "ale", "za", "by",
            "pro", "jsou", "bylo", "byl", "jeho", "které", "který", "také", "od", "po", "tak",
            "není", "jak", "už", "při", "jen", "ve", "této",
        ],
        letters: "čďěňřšťůž",
    },
    Latin {
        code: "ro",
        name: "Romanian",
        words: &[
            "și", "în", "de", "la", "a", "cu", "pe", "nu", "care", "să", "este", "o", "un", "din",
            "pentru", "mai", "au", "ce", "se", "fost", "sunt", "iar", "sau", "după", "dar",
            "acest", "această", "lui", "ca", "fi",
        ],
        letters: "ăâîșțş",
    },
    Latin {
        code: "hu",
        name: "Hungarian",
        words: &[
            "a", "az", "és", "hogy", "nem", "is", "egy", "van", "meg", "de", "már", "csak", "el",
            "ki", "mint", "volt", "ez", "azt", "még", "után", "pedig", "lesz", "kell", "vagy",
            "amely", "nagyon", "ami", "minden",
        ],
        letters: "őűáéíóöúü",
    },
    Latin {
        code: "tr",
        name: "Turkish",
        words: &[
            "ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "olan",
            "ama", "en", "ne", "o", "kadar", "sonra", "her", "mi", "değil", "var", "yok", "şu",
            "ise", "diye", "veya", "göre",
        ],
        letters: "çğıöşü",
    },
    Latin {
        code: "id",
        name: "Indonesian",
        words: &[
            "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan",
            "pada", "juga", "ke", "karena", "ada", "oleh", "mereka", "sudah", "atau", "bisa",
            "saat", "kami", "kita", "telah", "lebih", "seperti",
        ],
        letters: "",
    },
    Latin {
        code: "ca",
        name: "Catalan",
        words: &[
            "el", "la", "els", "les", "de", "del", "i", "que", "en", "un", "una", "és", "per",
            "amb", "no", "es", "als", "com", "més", "però", "va", "ha", "aquest", "aquesta", "són",
            "seu", "seva", "també", "hi", "ho",
        ],
        letters: "çàèéíòóúl·l",
    },
    Latin {
        code: "vi",
        name: "Vietnamese",
        words: &[
            "của", "và", "là", "các", "có", "được", "trong", "cho", "không", "những", "một", "với",
            "người", "này", "đã", "để", "khi", "từ", "như", "năm", "cũng", "về", "đến",
        ],
        letters: "ăđơư",
    },
    Latin {
        code: "hr",
        name: "Croatian",
        words: &[
            "i", "je", "u", "na", "se", "da", "za", "su", "od", "s", "koji", "koja", "što", "ne",
            "a", "kao", "iz", "će", "bi", "ali", "ili", "samo", "biti", "bio", "još", "nije",
        ],
        letters: "čćđšž",
    },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Bengali,
    Thai,
    Hangul,
    Kana,
    Han,
    Georgian,
    Armenian,
    Tamil,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    let u = c as u32;
    Some(match u {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x530..=0x58F => Script::Armenian,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x900..=0x97F => Script::Devanagari,
        0x980..=0x9FF => Script::Bengali,
        0xB80..=0xBFF => Script::Tamil,
        0xE00..=0xE7F => Script::Thai,
        0x10A0..=0x10FF => Script::Georgian,
        0x1100..=0x11FF | 0xAC00..=0xD7AF | 0x3130..=0x318F => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF => Script::Kana,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => Script::Han,
        _ if c.is_alphabetic() => Script::Other,
        _ => return None,
    })
}

/// Guesses the language of `text`, or `None` when there is too little text.
pub fn detect(text: &str) -> Option<LanguageGuess> {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = &text[..cut];
    let mut counts = [0usize; 15];
    let mut letters = 0usize;
    for c in sample.chars() {
        if let Some(s) = script_of(c) {
            counts[s as usize] += 1;
            letters += 1;
        }
    }
    if letters < 10 {
        return None;
    }
    let scripts = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Arabic,
        Script::Hebrew,
        Script::Devanagari,
        Script::Bengali,
        Script::Thai,
        Script::Hangul,
        Script::Kana,
        Script::Han,
        Script::Georgian,
        Script::Armenian,
        Script::Tamil,
        Script::Other,
    ];
    // Japanese mixes kana and Han; count them together.
    let cjk = counts[Script::Kana as usize] + counts[Script::Han as usize];
    let (dominant, share) = scripts
        .iter()
        .map(|&s| {
            let n = match s {
                Script::Kana if counts[Script::Kana as usize] * 10 >= cjk && cjk > 0 => cjk,
                Script::Han if counts[Script::Kana as usize] * 10 >= cjk && cjk > 0 => 0,
                _ => counts[s as usize],
            };
            (s, n)
        })
        .max_by_key(|&(_, n)| n)
        .map(|(s, n)| (s, n as f32 / letters as f32))?;
    let guess = |code, name, confidence: f32, sample| {
        Some(LanguageGuess {
            code,
            name,
            confidence: confidence.clamp(0.0, 1.0),
            sample,
        })
    };
    match dominant {
        Script::Latin => latin(sample),
        Script::Cyrillic => {
            let (code, name) = cyrillic(sample);
            guess(code, name, share, letters)
        }
        Script::Greek => guess("el", "Greek", share, letters),
        Script::Arabic => {
            let has = |set: &str| sample.chars().filter(|c| set.contains(*c)).count();
            let (code, name) = if has("ٹڈڑںے") * 200 > letters {
                ("ur", "Urdu")
            } else if has("پچژگ") * 100 > letters || has("ی") * 30 > letters {
                ("fa", "Persian")
            } else {
                ("ar", "Arabic")
            };
            guess(code, name, share, letters)
        }
        Script::Hebrew => guess("he", "Hebrew", share, letters),
        Script::Devanagari => guess("hi", "Hindi", share, letters),
        Script::Bengali => guess("bn", "Bengali", share, letters),
        Script::Thai => guess("th", "Thai", share, letters),
        Script::Hangul => guess("ko", "Korean", share, letters),
        Script::Kana => guess("ja", "Japanese", share, letters),
        Script::Han => guess("zh", "Chinese", share, letters),
        Script::Georgian => guess("ka", "Georgian", share, letters),
        Script::Armenian => guess("hy", "Armenian", share, letters),
        Script::Tamil => guess("ta", "Tamil", share, letters),
        Script::Other => None,
    }
}

fn cyrillic(sample: &str) -> (&'static str, &'static str) {
    let count = |set: &str| {
        sample
            .chars()
            .filter(|c| set.contains(c.to_lowercase().next().unwrap_or(*c)))
            .count()
    };
    if count("іїєґ") > 2 {
        ("uk", "Ukrainian")
    } else if count("ў") > 1 {
        ("be", "Belarusian")
    } else if count("ђћџљњј") > 2 {
        ("sr", "Serbian")
    } else if count("ѓќѕ") > 1 {
        ("mk", "Macedonian")
    } else if count("әғқңөұүһ") > 2 {
        ("kk", "Kazakh")
    } else if count("ъ") * 3 > count("ыэ").max(1) * 4 && count("ыэ") < 3 {
        ("bg", "Bulgarian")
    } else {
        ("ru", "Russian")
    }
}

/// Every function word with the set of languages (bit `i` for `LATIN[i]`)
/// that list it. Built once.
fn word_table() -> &'static FxMap<&'static str, u32> {
    static TABLE: std::sync::OnceLock<FxMap<&'static str, u32>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxMap<&'static str, u32> = FxMap::default();
        for (i, lang) in LATIN.iter().enumerate() {
            for &w in lang.words {
                *table.entry(w).or_default() |= 1 << i;
            }
        }
        table
    })
}

fn latin(sample: &str) -> Option<LanguageGuess> {
    let table = word_table();
    let mut scores = vec![0f32; LATIN.len()];
    let mut words = 0usize;
    let mut buf = String::new();
    for raw in sample.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '·'))
    {
        let word = raw.trim_matches(|c| c == '\'' || c == '’');
        if word.is_empty() {
            continue;
        }
        words += 1;
        if word.len() > 12 {
            continue;
        }
        buf.clear();
        // Nearly every word is ASCII: lower-cased in place, no Unicode tables.
        if word.is_ascii() {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Some(&mask) = table.get(buf.as_str()) {
            for (i, score) in scores.iter_mut().enumerate() {
                if mask & (1 << i) != 0 {
                    *score += 1.0;
                }
            }
        }
    }
    if words < 3 {
        return None;
    }
    // Letters only some languages use: a small bonus, per occurrence.
    for c in sample.chars().filter(|c| !c.is_ascii()) {
        let c = c.to_lowercase().next().unwrap_or(c);
        for (i, lang) in LATIN.iter().enumerate() {
            if lang.letters.contains(c) {
                scores[i] += 0.25;
            }
        }
    }
    // The best and the runner-up; ties go to the earlier (more common) language.
    let mut best = 0;
    for (i, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = i;
        }
    }
    let second = scores
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &s)| s)
        .fold(0.0f32, f32::max);
    if scores[best] <= 0.0 {
        return None;
    }
    let coverage = scores[best] / words as f32;
    let margin = (scores[best] - second) / scores[best];
    // Clear margins count, and so does covering a good share of the words.
    let confidence = (margin * 2.0).min(1.0) * (coverage * 4.0).min(1.0);
    Some(LanguageGuess {
        code: LATIN[best].code,
        name: LATIN[best].name,
        confidence,
        sample: words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_of_languages() {
        let cases: &[(&str, &str)] = &[
            ("en", "As the dawn rose on President Donald Trump’s second term, one key figure from his first administration stood back, content to focus on his personal business interests and not retake a formal government role."),
            ("fr", "Le président a déclaré mardi que le gouvernement ne reviendrait pas sur sa décision, malgré les manifestations qui se sont multipliées dans plusieurs villes du pays."),
            ("de", "Der Bundeskanzler hat am Dienstag erklärt, dass die Regierung ihre Entscheidung nicht zurücknehmen werde, obwohl sich die Proteste in mehreren Städten ausgeweitet haben."),
            ("es", "El presidente dijo el martes que el gobierno no dará marcha atrás en su decisión, a pesar de las protestas que se han extendido por varias ciudades del país."),
            ("it", "Il presidente ha detto martedì che il governo non tornerà indietro sulla sua decisione, nonostante le proteste che si sono diffuse in diverse città del paese."),
            ("pt", "O presidente disse na terça-feira que o governo não vai recuar da sua decisão, apesar dos protestos que se espalharam por várias cidades do país."),
            ("nl", "De president zei dinsdag dat de regering niet zal terugkomen op haar besluit, ondanks de protesten die zich in verschillende steden van het land hebben verspreid."),
            ("pl", "Prezydent powiedział we wtorek, że rząd nie wycofa się ze swojej decyzji, mimo protestów, które rozprzestrzeniły się na kilka miast w kraju."),
            ("ru", "Президент заявил во вторник, что правительство не отступит от своего решения, несмотря на протесты, которые распространились на несколько городов страны."),
            ("uk", "Президент заявив у вівторок, що уряд не відступить від свого рішення, незважаючи на протести, які поширилися на кілька міст країни."),
            ("ar", "قال الرئيس يوم الثلاثاء إن الحكومة لن تتراجع عن قرارها رغم الاحتجاجات التي امتدت إلى عدة مدن في البلاد."),
            ("zh", "总统周二表示，尽管抗议活动已蔓延到全国多个城市，政府不会改变其决定。"),
            ("ja", "大統領は火曜日、抗議活動が国内の複数の都市に広がっているにもかかわらず、政府は決定を撤回しないと述べた。"),
            ("ko", "대통령은 화요일 시위가 전국 여러 도시로 확산되었음에도 정부가 결정을 철회하지 않을 것이라고 말했다."),
            ("he", "הנשיא אמר ביום שלישי כי הממשלה לא תחזור בה מהחלטתה, למרות ההפגנות שהתפשטו לכמה ערים במדינה."),
            ("el", "Ο πρόεδρος δήλωσε την Τρίτη ότι η κυβέρνηση δεν θα υπαναχωρήσει από την απόφασή της, παρά τις διαδηλώσεις."),
            ("tr", "Cumhurbaşkanı salı günü yaptığı açıklamada, protestoların ülkenin birçok şehrine yayılmasına rağmen hükümetin kararından geri adım atmayacağını söyledi ve bu konuda çok net olduğunu belirtti."),
        ];
        for (code, text) in cases {
            let guess = detect(text).unwrap_or_else(|| panic!("no guess for {code}"));
            assert_eq!(guess.code, *code, "{text}");
        }
        let en = detect(cases[0].1).unwrap();
        assert!(en.is_reliable(), "{en:?}");
    }

    #[test]
    fn too_little_text_is_no_guess() {
        for text in ["", "   ", "12345 67890", "OK", "…—“”"] {
            assert_eq!(detect(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_long_text_is_sampled_not_scanned_whole() {
        let text = "the cat sat on the mat and it was fine ".repeat(10_000) + "é";
        let guess = detect(&text).unwrap();
        assert_eq!(guess.code, "en");
        assert!(guess.sample <= SAMPLE_BYTES / 2);
    }
}
