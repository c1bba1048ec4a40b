//! The kinds in the analysis contract are enums now, and the JSON must not
//! have changed: each variant serializes to exactly the name the contract
//! documented when these fields were strings (the stage's `as_str`), and
//! reads back from it.

use claimlens::analysis::{
    BlockKind, ClaimKind, QuantityKind, QuantityModifier, TimeKind, TimeUnresolved,
};

fn assert_named<T>(variants: &[T], name: fn(&T) -> &'static str)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    for variant in variants {
        let json = serde_json::to_string(variant).expect("a unit variant serializes");
        assert_eq!(json, format!("\"{}\"", name(variant)), "{variant:?}");
        let back: T = serde_json::from_str(&json).expect("and reads back");
        assert_eq!(&back, variant);
    }
}

#[test]
fn contract_enums_serialize_as_the_names_the_string_fields_had() {
    use ClaimKind as C;
    use QuantityKind as Q;
    use QuantityModifier as M;
    use TimeKind as T;
    use TimeUnresolved as U;
    assert_named(
        &[
            C::Quantity,
            C::Comparison,
            C::Event,
            C::Causal,
            C::Quote,
            C::Prediction,
            C::Rule,
            C::Experience,
            C::Other,
            C::Opinion,
            C::Question,
            C::Rhetoric,
            C::Boilerplate,
        ],
        |k| k.as_str(),
    );
    assert_named(
        &[
            T::Day,
            T::Weekend,
            T::Week,
            T::Month,
            T::Season,
            T::Quarter,
            T::Year,
            T::Decade,
            T::Period,
            T::Vague,
            T::EventRelative,
        ],
        |k| k.as_str(),
    );
    assert_named(
        &[
            U::NoPublishedDate,
            U::Vague,
            U::RelativeToEvent,
            U::InvalidDate,
        ],
        |k| k.as_str(),
    );
    assert_named(
        &[
            Q::Money,
            Q::Percent,
            Q::Count,
            Q::Duration,
            Q::Measure,
            Q::Ordinal,
            Q::Fraction,
            Q::Number,
        ],
        |k| k.as_str(),
    );
    assert_named(
        &[
            M::Approximately,
            M::MoreThan,
            M::AtLeast,
            M::LessThan,
            M::AtMost,
            M::Vague,
        ],
        |k| k.as_str(),
    );
}

#[test]
fn an_analysis_carries_the_kinds_as_their_names() {
    let analysis = claimlens::analyze_text(
        "The council spent more than $2 billion last year, officials said on Monday.",
        &claimlens::Options {
            published: claimlens::calendar::Date::parse_iso("2025-03-04"),
            ..Default::default()
        },
    );
    let json = serde_json::to_value(&analysis).expect("serializes");
    let claim = &json["claims"][0];
    assert!(
        claim["kinds"]
            .as_array()
            .expect("kinds")
            .iter()
            .any(|k| k == "quantity"),
        "{}",
        claim["kinds"]
    );
    let quantity_kinds: Vec<&str> = claim["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .filter_map(|q| q["kind"].as_str())
        .collect();
    assert!(quantity_kinds.contains(&"money"), "{quantity_kinds:?}");
    let modifiers: Vec<&str> = claim["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .filter_map(|q| q["modifier"].as_str())
        .collect();
    assert!(modifiers.contains(&"more_than"), "{modifiers:?}");
    let time_kinds: Vec<&str> = claim["times"]
        .as_array()
        .expect("times")
        .iter()
        .filter_map(|t| t["kind"].as_str())
        .collect();
    assert!(
        time_kinds.contains(&"year") || time_kinds.contains(&"day"),
        "{time_kinds:?}"
    );
}

/// Block kinds added to the contract after it shipped (`heading`,
/// `product_box`) serialize as their documented names, beside the first
/// ones; `blocks` is `#[serde(default)]`, so older JSON without it reads.
#[test]
fn block_kinds_serialize_as_their_documented_names() {
    use BlockKind as B;
    let names = [
        (B::Caption, "caption"),
        (B::Table, "table"),
        (B::LinkList, "link_list"),
        (B::PullQuote, "pull_quote"),
        (B::Credit, "credit"),
        (B::Code, "code"),
        (B::Heading, "heading"),
        (B::ProductBox, "product_box"),
    ];
    for (kind, name) in names {
        assert_eq!(
            serde_json::to_string(&kind).expect("serializes"),
            format!("\"{name}\"")
        );
        let back: BlockKind = serde_json::from_str(&format!("\"{name}\"")).expect("reads");
        assert_eq!(back, kind);
    }
}
