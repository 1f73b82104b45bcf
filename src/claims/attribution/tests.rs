//! Tests of attribution as a whole: sentences in, speakers out.

use super::*;
use crate::entities;
use crate::text::{Block, BlockKind};

/// The written speaker of the first sentence of `text`, if it has one.
fn first_speaker(text: &str) -> Option<String> {
    speakers(text)[0].as_ref().map(|x| x.0.clone())
}

/// The first attribution in the text, whichever sentence it is in (a closing quote may end
/// a sentence of its own).
fn first_attributed(text: &str) -> Option<String> {
    speakers(text).into_iter().flatten().next().map(|x| x.0)
}

fn speakers(text: &str) -> Vec<Option<(String, Option<String>, bool)>> {
    let doc = Doc::new(&[Block {
        kind: BlockKind::Paragraph,
        text: text.into(),
    }]);
    let e = entities::analyze(&doc);
    attribute(&doc, &e, None)
        .into_iter()
        .map(|f| {
            f.map(|f| {
                (
                    f.written,
                    f.entity.map(|g| e.groups[g].name.clone()),
                    f.anonymous,
                )
            })
        })
        .collect()
}

#[test]
fn speaker_before_the_verb_resolves_through_description() {
    let s = speakers(
        "The Ministry of State Security (MSS) described the services as risky. \
                      The ministry said some operators could pose risks.",
    );
    assert_eq!(
        s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Ministry of State Security")
    );
    assert_eq!(
        s[1].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Ministry of State Security")
    );
}

#[test]
fn judgment_verbs_with_as_and_setting_phrases() {
    assert_eq!(
        first_speaker("Senator Ruth Okafor dismissed the report as fake news.").as_deref(),
        Some("Senator Ruth Okafor")
    );
    // Without an "as" complement the verb reports nothing.
    assert_eq!(
        first_speaker("Senator Ruth Okafor dismissed the report."),
        None
    );
    assert_eq!(
        first_speaker("Governor Liam Brandt at one point accused Okafor of lying.").as_deref(),
        Some("Governor Liam Brandt")
    );
    // A verb of judgment in a relative clause yields to the main clause's cue.
    assert_eq!(
        first_speaker(
            "Answering critics who have characterized the bill as a bailout, Ruth Okafor \
             added that it protects taxpayers."
        )
        .as_deref(),
        Some("Ruth Okafor")
    );
}

#[test]
fn participles_after_an_opening_phrase_and_a_quote() {
    assert_eq!(
        first_speaker(
            "On Wednesday, Ruth Okafor endorsed Liam Brandt, calling him an excellent choice."
        )
        .as_deref(),
        Some("Ruth Okafor")
    );
    assert_eq!(
        first_speaker(
            "In an interview on Sunday, Ruth Okafor apologized for her \"poor \
             judgement,\" explaining that she had not read the bill."
        )
        .as_deref(),
        Some("Ruth Okafor")
    );
    assert_eq!(
        first_speaker("\"We are at war,\" wrote Liam Brandt on Twitter.").as_deref(),
        Some("Liam Brandt")
    );
}

#[test]
fn more_source_nouns_and_set_off_it() {
    let first = |t: &str| speakers(t)[0].clone().map(|x| (x.0, x.2));
    assert_eq!(
        first("Two Republican senators said on Thursday that the bill would pass."),
        Some(("Two Republican senators".to_string(), true))
    );
    assert_eq!(
        first("\"We enjoyed it,\" the first lady tweeted."),
        Some(("the first lady".to_string(), false))
    );
    assert_eq!(
        first("The program, it said, also exceeded the statutory authority."),
        Some(("it".to_string(), false))
    );
    assert_eq!(first("It rained all day."), None);
}

#[test]
fn comma_set_adverb_between_speaker_and_verb() {
    let s = speakers("Bush, though, said Russia is not an ally.");
    assert_eq!(s[0].as_ref().map(|x| x.0.as_str()), Some("Bush"));
}

#[test]
fn and_said_after_an_opening_phrase() {
    assert_eq!(
        first_speaker(
            "In a written statement, Senate leader Ruth Okafor congratulated Brandt and \
             said she looked forward to working with him."
        )
        .as_deref(),
        Some("Senate leader Ruth Okafor")
    );
}

#[test]
fn inverted_and_according_to() {
    let s = speakers("\"We will rebuild,\" said Mayor Anna Kowalczyk. Prices rose 5%, according to the Central Bank.");
    assert_eq!(
        s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Anna Kowalczyk")
    );
    assert!(
        s[1].as_ref().is_some_and(|x| x.0.contains("Central Bank")),
        "{s:?}"
    );
}

#[test]
fn anonymous_sources_are_marked() {
    let s = speakers("Two officials familiar with the talks said a deal was near.");
    let (written, entity, anonymous) = s[0].clone().expect("attributed");
    assert!(written.contains("officials"), "{written}");
    assert!(entity.is_none() && anonymous);
}

#[test]
fn quotes_running_on_keep_their_speaker() {
    let s =
        speakers("\"We acted fast,\" said Anna Kowalczyk. \"Nobody was hurt. We are grateful.\"");
    assert!(s[1].is_some() && s[2].is_some(), "{s:?}");
}

#[test]
fn person_of_organization_is_the_person() {
    let s = speakers("Professor Lena Vogt of Northport University said the figures were credible.");
    assert_eq!(
        s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Lena Vogt"),
        "{s:?}"
    );
}

#[test]
fn appositives_relatives_passives_and_headlines() {
    let s = speakers(
        "Arthur Brooks, president of the American Enterprise Institute, said the plan would fail.",
    );
    assert_eq!(
        s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Arthur Brooks"),
        "{s:?}"
    );
    let s = speakers("The plan was announced by Mayor Anna Kowalczyk on Monday.");
    assert_eq!(
        s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Anna Kowalczyk"),
        "{s:?}"
    );
    let s = speakers("The United States imposed tariffs on steel.");
    assert_eq!(s, [None]);
    let s = speakers("The senator told the Associated Press that talks had stalled.");
    assert!(
        s[0].as_ref().is_some_and(|x| x.0.contains("senator")),
        "{s:?}"
    );
}

#[test]
fn time_phrases_participles_and_bare_pronouns() {
    let s = speakers("President Anna Kowalczyk on Saturday angrily accused the council of lying.");
    assert_eq!(
        s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Anna Kowalczyk"),
        "{s:?}"
    );
    let s =
        speakers("The European Commission turned down the request, saying the rules were clear.");
    assert_eq!(
        s[0].as_ref().map(|x| x.0.as_str()),
        Some("The European Commission"),
        "{s:?}"
    );
    let s = speakers("She said the plan was sound.");
    assert_eq!(
        s[0].as_ref().map(|x| (x.0.as_str(), x.1.is_none())),
        Some(("She", true)),
        "{s:?}"
    );
}

#[test]
fn quotes_negation_passives_labels_and_spans() {
    let who = |text: &str| speakers(text)[0].as_ref().map(|x| x.0.clone());
    // A verb inside the quote is what was said.
    assert_eq!(
        who("“I said no to the deal,” the mayor told reporters.").as_deref(),
        Some("the mayor")
    );
    // A speech act that did not happen, and a passive without an agent.
    assert_eq!(
        who("The minister has not confirmed that she will resign."),
        None
    );
    assert_eq!(
        who("The governor was asked to comment on the ruling."),
        None
    );
    // The main clause before a leading subordinate clause; speech before belief.
    assert_eq!(
        who(
            "While aides said the talks had stalled, Anna Kowalczyk insisted that a deal was near."
        )
        .as_deref(),
        Some("Anna Kowalczyk")
    );
    assert_eq!(
        who("They believe the fire started in the kitchen, Chief Tom Reyes said.").as_deref(),
        Some("Chief Tom Reyes")
    );
    // Transcript labels, and the description before a name.
    assert_eq!(
        who("JUDY WOODRUFF: What happens next?").as_deref(),
        Some("JUDY WOODRUFF")
    );
    assert_eq!(who("UPDATE: The road has reopened."), None);
    assert_eq!(
        who("Northport city council spokeswoman Dana Bell said the vote was delayed.").as_deref(),
        Some("Northport city council spokeswoman Dana Bell")
    );
    // "adds"/"maintains" with a plain object report nothing.
    assert_eq!(who("The party maintains a wide lead in the polls."), None);
}

#[test]
fn pronouns_skip_names_inside_quotes() {
    let s = speakers("Senator Anna Kowalczyk spoke on Monday. “Tom Becker is wrong,” she said.");
    assert_eq!(
        s[1].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Anna Kowalczyk"),
        "{s:?}"
    );
}

#[test]
fn names_resolve_through_aliases() {
    let s = speakers(
        "Eric Reeves, an academic, said he was appalled. Mr. Reeves, then a critic, said the deal was bad.",
    );
    assert_eq!(
        s[1].as_ref().and_then(|x| x.1.clone()).as_deref(),
        Some("Eric Reeves"),
        "{s:?}"
    );
}

#[test]
fn answering_concluding_agreeing_and_progressive_verbs() {
    assert_eq!(
        first_speaker(
            "When asked if he thinks the plan will work, Tom Baker answered, \
             “If the council does its job.”"
        )
        .as_deref(),
        Some("Tom Baker")
    );
    assert_eq!(
        first_speaker("“The mayor must apologize,” he concludes.").as_deref(),
        Some("he")
    );
    assert_eq!(
        first_speaker("The port will keep growing, both Lindsay and Peters agree.").as_deref(),
        Some("both Lindsay and Peters")
    );
    assert_eq!(
        first_speaker("Another resident, Maria Lopes, is claiming the mayor broke the law.")
            .as_deref(),
        Some("Maria Lopes")
    );
    // An agreement or a request for help is not a statement.
    assert_eq!(
        first_speaker("Tom Baker, 56, agreed to a sentence of ten years in prison."),
        None
    );
    assert_eq!(
        first_speaker("As he weighs his options, Baker is calling on the governor for advice."),
        None
    );
    assert_eq!(
        first_speaker("Activists are maintaining a prayer fast on the Mall."),
        None
    );
}

#[test]
fn praise_or_blame_with_a_reason_and_urging() {
    assert_eq!(
        first_speaker("Cassidy and Johnson thanked the ambassador for his help.").as_deref(),
        Some("Cassidy and Johnson")
    );
    let s =
        speakers("Lena Ortiz spoke. She thanked the volunteers and encouraged others to donate.");
    assert_eq!(s[1].as_ref().map(|x| x.0.as_str()), Some("She"), "{s:?}");
}

#[test]
fn topics_and_bare_listeners_are_not_reports() {
    assert_eq!(
        first_speaker("Councillor Ravi Patel complained about the budget."),
        None
    );
    assert_eq!(
        first_speaker("Things the governor has said about the port."),
        None
    );
    assert_eq!(first_speaker("Ana Ruiz asked Tom Baker."), None);
    let s = speakers("Lena Ortiz met Tom Baker. She asked if he had regrets.");
    assert_eq!(s[1].as_ref().map(|x| x.0.as_str()), Some("She"), "{s:?}");
    // "about" after a new clause is not the cue's topic.
    assert_eq!(
        first_speaker("Ravi Patel said he expects the vote to come about a week later.").as_deref(),
        Some("Ravi Patel")
    );
    // After a comma (not a quote) "asked" is not inverted: its subject opens the sentence.
    assert_eq!(
        first_speaker("Greenpeace, representing the fishermen, asked Judge Mary Cole in May to halt the plan.")
            .as_deref(),
        Some("Greenpeace")
    );
}

#[test]
fn sources_close_to_a_name_and_heads_of_organizations() {
    let spans = |t: &str| {
        let doc = Doc::new(&[Block {
            kind: BlockKind::Paragraph,
            text: t.into(),
        }]);
        let e = entities::analyze(&doc);
        attribute(&doc, &e, None)
            .into_iter()
            .flatten()
            .map(|a| a.written)
            .next()
    };
    for (text, who) in [
        (
            "The tax would stay, a source close to Tom Baker said.",
            "a source close to Tom Baker",
        ),
        (
            "Sources close to the White House say the tax would stay.",
            "Sources close to the White House",
        ),
        (
            "The head of the FBI said the tax would stay.",
            "The head of the FBI",
        ),
        // A past verb ends the phrase.
        (
            "Axios quoted a source close to Tom Baker who said the tax would stay.",
            "a source close to Tom Baker",
        ),
    ] {
        assert_eq!(spans(text).as_deref(), Some(who), "{text}");
    }
}

#[test]
fn speech_nouns_threats_quotes_and_findings() {
    for (text, who) in [
        (
            "Ana Ruiz expressed concern that the port would close.",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz doubled down on her claim that the vote was rigged.",
            "Ana Ruiz",
        ),
        ("Tom Baker voiced support for the plan.", "Tom Baker"),
        ("Tom Baker threatened to veto the bill.", "Tom Baker"),
        (
            "Tom Baker was quoted as saying the port would close.",
            "Tom Baker",
        ),
        (
            "Tom Baker has long maintained that the tax is fair.",
            "Tom Baker",
        ),
        (
            "Tom Baker accused Ana Ruiz of lying about the tax.",
            "Tom Baker",
        ),
        ("Tom Baker agreed the tax would stay.", "Tom Baker"),
        ("Tom Baker called the tax unfair.", "Tom Baker"),
        ("Tom Baker disputed that the tax was unfair.", "Tom Baker"),
        (
            "Calling the tax a disgrace, Tom Baker voted against it.",
            "Tom Baker",
        ),
        (
            "Some Republicans fear the tax will hurt families.",
            "Some Republicans",
        ),
        ("Analysts expect the tax to stay.", "Analysts"),
        ("As Tom Baker put it, the tax is a disgrace.", "Tom Baker"),
        ("In Tom Baker's words, the tax is a disgrace.", "Tom Baker"),
        ("“The tax will stay,” the statement read.", "the statement"),
        (
            "A report by the agency found that the tax hurt families.",
            "A report by the agency",
        ),
        ("The bill says the tax will stay.", "The bill"),
        (
            "The former secretary of state said the emails were irrelevant.",
            "The former secretary of state",
        ),
        (
            "The 70-year-old billionaire said the emails were irrelevant.",
            "The 70-year-old billionaire",
        ),
        (
            "Tom Baker and Ana Ruiz both said the economy is strong.",
            "Tom Baker and Ana Ruiz",
        ),
        ("It said the evidence had been fabricated.", "It"),
        (
            "Accusing Ana Ruiz of lying, Green referenced Adolf Hitler in a speech.",
            "Green",
        ),
        ("Tom Baker joined an alliance which he says will lead Europe.", "he"),
        ("Tom Baker urged voters not to feel guilty about the vote.", "Tom Baker"),
        ("Tom Baker said about 10 workers were taken to the hospital.", "Tom Baker"),
        ("Officials from both parties said the talks had failed.", "Officials from both parties"),
        ("The delivery was late, the indictment states.", "the indictment"),
        (
            "“We will win,” said Ohio congresswoman Ana Ruiz as she proposed the bill.",
            "Ohio congresswoman Ana Ruiz",
        ),
        (
            "In the wake of that report, Tom Baker stepped up his attacks and said the plan would fail.",
            "Tom Baker",
        ),
        ("President Moon Jae-in said that he will push for peace.", "President Moon Jae-in"),
        ("The victim, who was 14, said the tax would stay.", "The victim"),
        ("The attorney general said the tax would stay.", "The attorney general"),
        (
            "“The port is safe,” said Tom Baker in a speech at the Ohio State University in Columbus.",
            "Tom Baker",
        ),
        (
            "“The port is safe,” said Northport Radio contributor Ana Ruiz.",
            "Northport Radio contributor Ana Ruiz",
        ),
        (
            "Accusing Ana Ruiz of lying, Tom Baker referenced Adolf Hitler.",
            "Tom Baker",
        ),
        (
            "Tom Baker issued a statement saying that the tax will stay.",
            "Tom Baker",
        ),
        (
            "Ana Ruiz was blunt, labelling the plan a “giveaway”.",
            "Ana Ruiz",
        ),
        (
            "Tom Baker repeated the theme that voters were forgotten.",
            "Tom Baker",
        ),
        (
            "The mayor pushed back against critics that say the port will close.",
            "critics",
        ),
        (
            "A majority of Americans say the economy is strong.",
            "A majority of Americans",
        ),
        (
            "Tom Baker has been saying for months that the tax is fair.",
            "Tom Baker",
        ),
        ("The report found that the tax hurt families.", "The report"),
    ] {
        assert_eq!(first_attributed(text).as_deref(), Some(who), "{text}");
    }
    for text in [
        // Inside another clause, the threat is not the sentence's report.
        "Leaders struggled to calm members who threatened to block the bill.",
        // The relative pronoun is the thing promised.
        "Ana Ruiz attacked the repeal, which the party has long promised.",
        // A finding needs a document.
        "The team found that the door was open.",
        // An opening participle that names only the act.
        "Responding to the fire, Tom Baker called the brigade.",
        // A denial that did not happen.
        "Ana Ruiz doesn’t deny that the plan had some role.",
        // A sign that is not quoted reads nothing out.
        "The sign read like a warning.",
        // A plural noun, not the verb.
        "Voters in all three states gave the mayor low marks.",
    ] {
        assert_eq!(first_attributed(text), None, "{text}");
    }
}

#[test]
fn word_lists_hold_each_word_once_and_verbs_in_one_list() {
    for (name, list) in [
        ("REPORTING_VERBS", REPORTING_VERBS),
        ("CONTENT_VERBS", CONTENT_VERBS),
        ("SOURCE_NOUNS", SOURCE_NOUNS),
        ("ANONYMOUS_HEADS", ANONYMOUS_HEADS),
        ("PARTICIPLES", PARTICIPLES),
        ("BETWEEN", BETWEEN),
        ("SPEECH_NOUNS", SPEECH_NOUNS),
        ("DOCUMENT_NOUNS", DOCUMENT_NOUNS),
    ] {
        let mut seen = std::collections::HashSet::new();
        for w in list {
            assert!(seen.insert(w), "{name} lists {w:?} twice");
        }
    }
    // A verb is read either always or only with what was said, not both.
    for w in CONTENT_VERBS {
        assert!(!REPORTING_VERBS.contains(w), "{w:?} is in both verb lists");
    }
}

#[test]
fn quotation_verbs_report_only_with_what_was_said() {
    for (text, who) in [
        (
            "Mayor Ana Ruiz later clarified that the port would stay open.",
            "Mayor Ana Ruiz",
        ),
        ("“Are you kidding me?” Tom Baker shouted.", "Tom Baker"),
        (
            "When the clerk called his name, Tom Baker shouted “Aye!”",
            "Tom Baker",
        ),
        // Forms of the long-standing verbs read like them.
        (
            "Ravi Patel emphasizes that the vote is binding.",
            "Ravi Patel",
        ),
    ] {
        assert_eq!(first_attributed(text).as_deref(), Some(who), "{text}");
    }
    // An act or a topic, not speech: nothing is reported.
    for text in [
        "Tom Baker confessed to the killings.",
        "Ana Ruiz commented on rumors that the port would close.",
        "Ana Ruiz hinted at a change in the plan.",
    ] {
        assert_eq!(first_attributed(text), None, "{text}");
    }
}

#[test]
fn party_labels_and_credit_lines() {
    assert_eq!(
        first_speaker("Tim Baker, D-Ore., said the bill would fail.").as_deref(),
        Some("Tim Baker")
    );
    // A credit line after another report: the inner source speaks.
    assert_eq!(
        first_speaker("“The law is clear,” the memo said, according to the newspaper.").as_deref(),
        Some("the memo")
    );
    assert_eq!(
        first_speaker("The vote was delayed again,” per Ana Ruiz.").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn documents_fears_furniture_and_post_modifiers() {
    assert_eq!(
        first_speaker("The indictment alleged that Stone lied to the committee.").as_deref(),
        Some("The indictment")
    );
    assert_eq!(
        first_speaker("According to a press release from the county, he left.").as_deref(),
        Some("a press release")
    );
    assert_eq!(
        first_speaker("Many residents privately fear that the bridge could close.").as_deref(),
        Some("Many residents")
    );
    assert_eq!(
        first_speaker(
            "Dorsey thanked the host in a tweet on Tuesday, writing that he had a great talk."
        )
        .as_deref(),
        Some("Dorsey")
    );
    // A label that is page furniture ("Embed …:") is not a speaker.
    assert_eq!(
        first_speaker("Embed Bowe Bergdahl: The Man Branded a Traitor by Trump"),
        None
    );
}

#[test]
fn according_to_spans_start_after_the_cue() {
    assert_eq!(
        first_speaker(
            "According to the Federal Aviation Administration, the flight landed safely."
        )
        .as_deref(),
        Some("the Federal Aviation Administration")
    );
    // A colon far after "about" (another headline item) does not carry its content.
    assert_eq!(
        first_speaker(
            "FIRST IN PLAYBOOK: Kellyanne complains about West Wing colleagues -- \
             REMEMBERING Zbig -- B’DAY: Zeleny"
        ),
        None
    );
}

#[test]
fn appositive_role_without_its_closing_comma() {
    assert_eq!(
        first_speaker("Tom Baker, chairman of Acme Corp said the plan failed.").as_deref(),
        Some("Tom Baker")
    );
    assert_eq!(
        first_speaker("Wilson Chowdhry, chairman of British Pakistani Christian Association (BPCA) said the case was unjust.")
            .as_deref(),
        Some("Wilson Chowdhry")
    );
}

#[test]
fn statement_introduced_by_a_colon() {
    assert_eq!(
        first_speaker(
            "Lena Ortiz, president of the Harbor Trust, released the following statement on \
             the vote: The council promised to act and it has kept its promises."
        )
        .as_deref(),
        Some("Lena Ortiz")
    );
}

#[test]
fn subordinate_clause_after_an_opening_phrase() {
    assert_eq!(
        first_speaker(
            "During the first meeting, when Ortiz said that Baker was watching her, the \
             Post reported, “She remembers it well.”"
        )
        .as_deref(),
        Some("the Post")
    );
    // After a main clause that reports nothing, the "when" clause is the report.
    assert_eq!(
        first_speaker(
            "The tweets came after a report on Tuesday, when CNN reported that officials met."
        )
        .as_deref(),
        Some("CNN")
    );
}

#[test]
fn two_groups_of_sources_are_one_span() {
    assert_eq!(
        first_speaker("Prosecutors and defense attorneys agreed to recommend that the judge impose a lighter sentence.")
            .as_deref(),
        Some("Prosecutors and defense attorneys")
    );
}

#[test]
fn began_reports_only_right_after_a_quote() {
    assert_eq!(
        first_speaker(
            "“Let me answer it this way,” Tom Baker began, with the chair cutting him off."
        )
        .as_deref(),
        Some("Tom Baker")
    );
    assert_eq!(first_speaker("The trial began on Monday."), None);
}

#[test]
fn one_word_headline_label_before_quoted_words() {
    assert_eq!(
        first_speaker("Okafor: Port deal may close in 'near future'").as_deref(),
        Some("Okafor")
    );
    // A furniture word or a dictionary word is no label.
    assert_eq!(
        first_speaker("Update: Port deal may close in 'near future'"),
        None
    );
}

#[test]
fn no_cue_no_speaker() {
    let s = speakers("The river rose two metres overnight.");
    assert_eq!(s, [None]);
}

#[test]
fn claims_report_only_with_what_is_claimed() {
    assert_eq!(
        first_speaker("Governor Liam Brandt claimed last week there was no deal.").as_deref(),
        Some("Governor Liam Brandt")
    );
    assert_eq!(
        first_speaker("Governor Liam Brandt claimed victory in the runoff.").as_deref(),
        Some("Governor Liam Brandt")
    );
    // A claim to something is no statement.
    assert_eq!(
        first_speaker("The firm may exit the deal and claim compensation from the city."),
        None
    );
    assert_eq!(
        first_speaker("Tom Baker won the seat and claimed a new mandate for the party."),
        None
    );
    // The content may stand before: "what she claims", "as Okafor claims".
    assert_eq!(
        first_speaker("Nobody saw what she claims happened at the party.").as_deref(),
        Some("she")
    );
}

#[test]
fn passives_of_telling_and_saying_name_no_speaker() {
    assert_eq!(
        first_speaker("Talks between the two leaders are tense, I’m told tonight."),
        None
    );
    assert_eq!(
        first_speaker("Tom Baker is said to have written the clause himself."),
        None
    );
    // A charge not stated is no report; a time phrase never joins the agent.
    assert_eq!(
        first_speaker("Baker was charged by Ms Okafor last October and later released."),
        None
    );
}

#[test]
fn time_phrases_between_speaker_verb_and_content() {
    assert_eq!(
        first_speaker("Reporter Anna Kowalczyk this April alleged that the firm paid bribes.")
            .as_deref(),
        Some("Reporter Anna Kowalczyk")
    );
    assert_eq!(
        first_speaker("President Liam Brandt proposed on Monday that the talks resume.").as_deref(),
        Some("President Liam Brandt")
    );
    // "proposed" before a noun is an adjective.
    assert_eq!(
        first_speaker("The city’s proposed lawsuit blames Baker for the damage.").as_deref(),
        Some("The city’s proposed lawsuit")
    );
}

#[test]
fn findings_closing_the_sentence_and_statements_with_participles() {
    assert_eq!(
        first_speaker("Tom Baker ignored his own rules for years, the audit report finds.")
            .as_deref(),
        Some("the audit report")
    );
    assert_eq!(
        first_speaker(
            "The association released a statement on its website regarding the pardon, \
             insisting that it had no ties to the governor."
        )
        .as_deref(),
        Some("The association")
    );
    assert_eq!(
        first_speaker("Baker stepped aside, after admitting he had misled the board.").as_deref(),
        Some("Baker")
    );
}

#[test]
fn relative_which_after_a_group_and_what_they_called() {
    assert_eq!(
        first_speaker("The group, which repeatedly called Baker a “liar,” then left the hall.")
            .as_deref(),
        Some("The group")
    );
    // A document speaks too; "which" after anything else is left alone.
    assert_eq!(
        first_speaker("The report, which called the plan “reckless,” was never published.")
            .as_deref(),
        Some("The report")
    );
    assert_eq!(
        first_speaker("The bridge, which called for repairs in “urgent” terms, was closed."),
        None
    );
    assert_eq!(
        first_speaker(
            "Governor Liam Brandt condemned what he called “reckless threats” from Okafor."
        )
        .as_deref(),
        Some("Governor Liam Brandt")
    );
    assert_eq!(
        first_speaker(
            "Okafor began her campaign with an attack on what she called the city's failures."
        )
        .as_deref(),
        Some("Okafor")
    );
    // When the clause is no speech act, the pronoun speaks.
    assert_eq!(
        first_speaker(
            "Baker was arrested before a trip to undertake what he claimed were studies."
        )
        .as_deref(),
        Some("he")
    );
}

#[test]
fn speech_acts_after_aspect_verbs_and_blame_verbs() {
    assert_eq!(
        first_speaker("Now Tom Baker is starting to blame Okafor for the delays.").as_deref(),
        Some("Tom Baker")
    );
    assert_eq!(
        first_speaker("Baker also berated critics for doubting the plan.").as_deref(),
        Some("Baker")
    );
    assert_eq!(
        first_speaker("Even as many voters hail him as a hero, his rivals stay silent.").as_deref(),
        Some("many voters")
    );
    assert_eq!(
        first_speaker("His lawyer has maintained his innocence, according to the Gazette.")
            .as_deref(),
        Some("His lawyer")
    );
}

#[test]
fn reduced_relatives_and_group_nouns_after_names() {
    // "the professor cited in the documents" is no report; the appositive name tells.
    assert_eq!(
        first_speaker(
            "But the professor cited in the documents, Tom Baker, told the Gazette he had no part in it."
        )
        .as_deref(),
        Some("Tom Baker")
    );
    assert_eq!(
        first_speaker("Okafor was accused of bias by Tom Baker supporters last year.").as_deref(),
        Some("Tom Baker supporters")
    );
}

#[test]
fn titles_documents_and_confidants_head_speaker_phrases() {
    assert_eq!(
        first_speaker("The pope said Friday that the church would not change.").as_deref(),
        Some("The pope")
    );
    assert_eq!(
        first_speaker("One briefing note reveals that the minister wanted cuts.").as_deref(),
        Some("One briefing note")
    );
    assert_eq!(
        first_speaker("Baker prepared to testify against the mayor, confidant says").as_deref(),
        Some("confidant")
    );
    // Research, like polls and data, is evidence rather than a source.
    assert_eq!(
        first_speaker("Yet research shows that the tax would fall on the poor."),
        None
    );
    assert_eq!(
        first_speaker(
            "Baker raised $100,000, according to filings by the Federal Election Commission."
        )
        .as_deref(),
        Some("filings by the Federal Election Commission")
    );
}

#[test]
fn quoted_as_saying_headline_judgments_and_court_findings() {
    assert_eq!(
        first_speaker("The Gazette quoted Anna Kowalczyk as saying that police stormed in.")
            .as_deref(),
        Some("Anna Kowalczyk")
    );
    assert_eq!(
        first_speaker("Ruth Okafor Slams Tom Baker's 'Awful' and 'Shameful' Tax Bill").as_deref(),
        Some("Ruth Okafor")
    );
    assert_eq!(
        first_speaker("Judge Okafor last month convicted Baker of fraud.").as_deref(),
        Some("Judge Okafor")
    );
    assert_eq!(
        first_speaker("Baker dismissed remarks by Okafor in which she threatened that there could be consequences.")
            .as_deref(),
        Some("she")
    );
}

#[test]
fn groups_of_speakers_keep_their_quantities_and_partners() {
    assert_eq!(
        first_speaker("In the latest poll, 64 percent of black voters said the law was unfair.")
            .as_deref(),
        Some("64 percent of black voters")
    );
    assert_eq!(
        first_speaker("Tom Baker and his allies denounced the plan, saying that it would fail.")
            .as_deref(),
        Some("Tom Baker and his allies")
    );
}

#[test]
fn acts_that_are_not_statements() {
    assert_eq!(
        first_speaker("But Baker has continued building warehouses that could hold them."),
        None
    );
    assert_eq!(
        first_speaker("“The group has pledged allegiance to the rebels and fights on."),
        None
    );
    assert_eq!(
        first_speaker("Okafor tweeted a link to the article on Friday."),
        None
    );
    assert_eq!(
        first_speaker("Okafor tweeted on Wednesday suggesting the vote was rigged.").as_deref(),
        Some("Okafor")
    );
    // A reduced passive in an opening phrase is no report; the main clause's is.
    assert_eq!(
        first_speaker("In a statement first reported by the Gazette, Okafor said: “We won.”")
            .as_deref(),
        Some("Okafor")
    );
}

#[test]
fn issuers_of_written_words_and_confirmation_votes() {
    assert_eq!(
        first_speaker(
            "Okafor on Sunday retweeted a message that noted Baker had once praised her."
        )
        .as_deref(),
        Some("Okafor")
    );
    assert_eq!(
        first_speaker(
            "Tom Baker and Ruth Okafor both issued statements thanking the mayor for her service."
        )
        .as_deref(),
        Some("Tom Baker and Ruth Okafor")
    );
    assert_eq!(
        first_speaker("The Senate confirmed Okafor on Friday."),
        None
    );
}

#[test]
fn states_after_names_are_left_out_and_coordinated_sources_kept() {
    assert_eq!(
        first_speaker("Ruth Okafor of Minnesota says she does not trust the count.").as_deref(),
        Some("Ruth Okafor")
    );
    assert_eq!(
        first_speaker("According to The Post and Courier, Baker was wanted for arrest.").as_deref(),
        Some("The Post and Courier")
    );
    assert_eq!(
        first_speaker("WASHINGTON-- The actress who claims she met Baker is suing him.").as_deref(),
        Some("The actress")
    );
}

#[test]
fn participles_after_openers_and_prepositions() {
    assert_eq!(
        first_speaker(
            "Despite not pressing charges, Okafor delivered a rebuke, saying the rules were broken."
        )
        .as_deref(),
        Some("Okafor")
    );
    assert_eq!(
        first_speaker("Baker was dismissed after admitting to taking the money.").as_deref(),
        Some("Baker")
    );
    assert_eq!(
        first_speaker("Okafor has scored points by criticizing the mayor for the delays.")
            .as_deref(),
        Some("Okafor")
    );
    // Keeping a lead is no statement.
    assert_eq!(
        first_speaker("Baker has stalled in recent weeks while maintaining a slim lead."),
        None
    );
    assert_eq!(
        first_speaker(
            "Okafor, whose ratings fell, was forced to concede last month that she was wrong."
        )
        .as_deref(),
        Some("Okafor")
    );
}

#[test]
fn a_pronoun_in_as_he_put_it_yields_to_the_named_speaker() {
    assert_eq!(
        first_speaker(
            "On Tuesday evening, Mr. Baker invited Ms. Okafor to dinner, telling her he hoped \
             for a deal, or, as he put it, “A pool begins with drops.”"
        )
        .as_deref(),
        Some("Mr. Baker")
    );
}

#[test]
fn questions_opinions_of_and_topics_report_nothing() {
    assert_eq!(
        first_speaker("What else did Mr Baker say in his tweet?"),
        None
    );
    assert_eq!(
        first_speaker("It shows what Okafor really thinks of her adopted city."),
        None
    );
    assert_eq!(
        first_speaker("Sheriff Ruth Okafor described the gunman's path through the church."),
        None
    );
    assert_eq!(
        first_speaker("Officials have described Baker as a creative diplomat.").as_deref(),
        Some("Officials")
    );
}

#[test]
fn a_document_before_a_relative_that_said() {
    assert_eq!(
        first_speaker(
            "Baker faced calls to resign in the wake of a detailed report in The Wall Street \
             Journal on Friday that said he had misled investors."
        )
        .as_deref(),
        Some("a detailed report in The Wall Street Journal")
    );
    // The object of another speech act stays inside it.
    assert_eq!(
        first_speaker(
            "Okafor blasted a report that said Baker had resigned and accused the Gazette of lying."
        )
        .as_deref(),
        Some("Okafor")
    );
}

#[test]
fn progressive_reports_unnamed_qualified_sources_and_roles_to_places() {
    assert_eq!(
        first_speaker("The Gazette is reporting that the mayor was offered a deal.").as_deref(),
        Some("The Gazette")
    );
    assert_eq!(
        first_speaker("Both men opposed the appointment, four people briefed on the talks said.")
            .as_deref(),
        Some("four people briefed on the talks")
    );
    assert_eq!(
        first_speaker("\\-- After Baker praised Okafor as a “special woman,” a former ambassador to China said that she is “playing him.”")
            .as_deref(),
        Some("a former ambassador to China")
    );
    assert_eq!(
        first_speaker("Baker's prepared speech goes on to say the vote should shame the Senate.")
            .as_deref(),
        Some("Baker's prepared speech")
    );
}

#[test]
fn what_he_described_as_verdicts_and_conclusions() {
    assert_eq!(
        first_speaker("Baker took aim at what he described as “irresponsible managers.”")
            .as_deref(),
        Some("he")
    );
    assert_eq!(
        first_speaker("Judge finds Tom Baker guilty of fraud").as_deref(),
        Some("Judge")
    );
    assert_eq!(
        first_speaker("He considered running, but ruled it out, concluding that he was not ready.")
            .as_deref(),
        Some("He")
    );
}

#[test]
fn nouns_and_rule_books_are_not_reports() {
    assert_eq!(
        first_speaker("Baker has made little progress on his key campaign promises."),
        None
    );
    assert_eq!(
        first_speaker("“Baker said the line was fine,” the newspaper reports.").as_deref(),
        Some("the newspaper")
    );
    assert_eq!(
        first_speaker("The judges decide cases according to the Constitution and the laws."),
        None
    );
    assert_eq!(
        first_speaker("He can be questioned, and anything he says can be used against him."),
        None
    );
}

#[test]
fn many_yielding_parentheticals_stay_fast() {
    // Each "as it noted," yields to a later cue; nested searches are bounded (this took
    // minutes before the bound). No speaker: "it" has nothing to stand for.
    let text = format!("But, {}, the plan failed.", ["as it noted"; 40].join(", "));
    assert_eq!(first_speaker(&text), None);
}

#[test]
fn views_parentheticals_and_respondents() {
    assert_eq!(
        first_speaker("In Okafor's view, there is plenty of blame to go around.").as_deref(),
        Some("Okafor")
    );
    assert_eq!(
        first_speaker("A turning point, in the view of many observers, was the ad.").as_deref(),
        Some("many observers")
    );
    assert_eq!(
        first_speaker("As Baker puts it, the mayor “has a record that ought to worry us.”")
            .as_deref(),
        Some("Baker")
    );
    // "as X noted," yields to the main clause's report.
    assert_eq!(
        first_speaker(
            "But, as Baker noted, the audit report clearly stated that no rules were broken."
        )
        .as_deref(),
        Some("the audit report")
    );
    assert_eq!(
        first_speaker("Forty-seven percent think she is better at sharing their values.")
            .as_deref(),
        Some("Forty-seven percent")
    );
}

#[test]
fn fourth_round_heads_gerunds_and_non_reports() {
    assert_eq!(
        first_speaker("The states said the governor broke the law.").as_deref(),
        Some("The states")
    );
    assert_eq!(
        first_speaker("Mr. Baker denied knowing about the payment.").as_deref(),
        Some("Mr. Baker")
    );
    assert_eq!(
        first_speaker("Mr. Baker has said nothing on Twitter about Ms. Okafor."),
        None
    );
    assert_eq!(
        first_speaker(
            "The official reported to work and found a note indicating that Okafor had called."
        )
        .as_deref(),
        Some("a note")
    );
    assert_eq!(
        first_speaker(
            "Baker was charged, according to the Orange County district attorney’s office."
        )
        .as_deref(),
        Some("the Orange County district attorney’s office")
    );
    // Before a dash, the words after an inverted verb may go on as a clause.
    assert_eq!(
        first_speaker(
            "Ruth Okafor, a professor who is writing a biography of him, said Baker — a clerk in \
             a busy office — likely never got the credit she deserved."
        )
        .as_deref(),
        Some("Ruth Okafor")
    );
}

#[test]
fn fifth_round_plural_possessives_and_source_qualifiers() {
    // A plural possessive before a name belongs to the description.
    assert_eq!(
        first_speaker("NBC News’ Ruth Okafor, for example, said the vote was close.").as_deref(),
        Some("NBC News’ Ruth Okafor")
    );
    // An unnamed source's qualifier and its object close the phrase; the source stays
    // anonymous and is not the entity it is close to.
    let s = speakers("The talks stalled, according to a source familiar with the investigation.");
    assert_eq!(
        s[0].as_ref().map(|x| (x.0.as_str(), x.2)),
        Some(("a source familiar with the investigation", true))
    );
    let s = speakers(
        "Okafor is unconvinced, according to people close to the family, but says little.",
    );
    assert_eq!(
        s[0].as_ref().map(|x| x.0.as_str()),
        Some("people close to the family")
    );
    assert_eq!(
        first_speaker(
            "Baker resigned, according to a source familiar with the plans for the board."
        )
        .as_deref(),
        Some("a source familiar with the plans for the board")
    );
    // A possessive determiner before a description, and an abbreviation that spells a
    // stopword ("US"), belong to the span.
    assert_eq!(
        first_speaker("Okafor died in May, his brother-in-law Ahmed told the Guardian.").as_deref(),
        Some("his brother-in-law Ahmed")
    );
    assert_eq!(
        first_speaker("US President Ruth Okafor said the talks would go on.").as_deref(),
        Some("US President Ruth Okafor")
    );
    // "a source close to X who said": the relative's antecedent keeps its qualifier.
    assert_eq!(
        first_speaker("Axios quoted a source close to Bannon who said, “Steve is coming.”")
            .as_deref(),
        Some("a source close to Bannon")
    );
}

#[test]
fn a_place_after_in_belongs_to_the_speaker_before_it() {
    // A common noun, or an organization, keeps its place; a person leaves it out.
    assert_eq!(
        first_speaker("A lawyer in Tingo Maria said his caseload had dropped off.").as_deref(),
        Some("A lawyer in Tingo Maria")
    );
    assert_eq!(
        first_speaker(
            "Shortly afterwards, the National Hurricane Center in Miami announced that the storm \
             had strengthened."
        )
        .as_deref(),
        Some("the National Hurricane Center in Miami")
    );
    assert_eq!(
        first_speaker(
            "Coast Guard spokesman Bruce Pimental in Valdez said investigators were still looking \
             at the autopilot."
        )
        .as_deref(),
        Some("Coast Guard spokesman Bruce Pimental")
    );
}

#[test]
fn a_modifier_shared_by_a_group_opens_the_speaker() {
    assert_eq!(
        first_speaker("State and federal officials said the cleanup was moving south.").as_deref(),
        Some("State and federal officials")
    );
}

#[test]
fn a_day_after_an_inverted_verb_is_not_the_speaker() {
    assert_eq!(
        first_attributed(
            "\"I will never allow it to happen,\" Primo Nebiolo, president of the federation, \
             said Sunday."
        )
        .as_deref(),
        Some("Primo Nebiolo")
    );
}

#[test]
fn a_document_noun_after_the_source_name_heads_the_phrase() {
    assert_eq!(
        first_speaker(
            "The drought was not as bad as feared, according to an Agriculture Department analysis."
        )
        .as_deref(),
        Some("an Agriculture Department analysis")
    );
}

#[test]
fn a_group_called_by_a_name_is_not_a_report() {
    assert_eq!(
        first_speaker(
            "In Anchorage, a group called the Boycott Exxon Alliance has scheduled a rally."
        ),
        None
    );
    // A person who "called" something still reports.
    assert_eq!(
        first_speaker("The president called Acosta \"a rude, terrible person.\"").as_deref(),
        Some("The president")
    );
}

#[test]
fn the_writers_own_first_person_words_are_not_a_report() {
    assert_eq!(
        first_speaker("As I said in my letter, the causes of poverty are mostly local."),
        None
    );
    assert_eq!(
        first_speaker("Officials said the causes of poverty are mostly local.").as_deref(),
        Some("Officials")
    );
}

#[test]
fn an_inverted_speaker_may_say_where_they_are_from() {
    assert_eq!(
        first_attributed(
            "\"It's the strangest thing I ever saw,\" said Charles Mertz of Castle Rock, Colo., \
             another of those who walked away."
        )
        .as_deref(),
        Some("Charles Mertz")
    );
}
