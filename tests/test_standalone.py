from pathlib import Path

import pytest

from synth.core import Sentence
from synth.evaluate.trust import half, read_jsonl, score, standalone_outcomes
from synth.understand.parser import spacy_parser
from synth.understand.standalone import ParsedJudge, repair, standalone_problem

DATA = Path(__file__).parent / "data"


def sentences(*texts: str, source: int = 1) -> list[Sentence]:
    return [Sentence(i, source, 0, len(t), t, i) for i, t in enumerate(texts)]


def test_opening_pronoun_speaker_is_repaired_in_brackets():
    s = sentences(
        "UN aid chief Maria Olsen told reporters that convoys were ready to move.",
        "She said convoys to Aleppo could leave overnight.",
    )
    assert repair(s[1], s) == "[Olsen] said convoys to Aleppo could leave overnight."


def test_unresolved_pronoun_cannot_stand_alone():
    s = sentences("Storm Ciara weakened over Ireland on Monday.", "It now covers the coast.")
    assert repair(s[1], s) is None
    assert repair(s[0], s) == s[0].text


def test_an_opening_connective_is_cut_and_the_first_letter_made_a_capital():
    s = sentences(
        "However, roads in Galway remain closed.",
        "But Galway council said schools would open.",
        "Instead, the council opened schools.",
    )
    assert repair(s[0], s) == "Roads in Galway remain closed."  # no "[R]": read as markup
    assert repair(s[1], s) == "Galway council said schools would open."
    assert repair(s[2], s) is None  # "Instead" answers something said before


def test_speaker_is_not_taken_from_another_source():
    first = sentences("Minister Anna Berg said the talks failed.", source=1)
    second = [Sentence(1, 2, 0, 20, "He said nothing more.", 0)]
    assert repair(second[0], first + second) is None


def test_time_words_after_this_are_fine():
    s = sentences("This week Leeds City Council meets to vote on its budget.")
    assert repair(s[0], s) == s[0].text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("The study found that most patients recovered within a week.", "definite_description"),
        (
            "Casillas said the decision would allow the lawsuit to go forward.",
            "definite_description",
        ),
        (
            "Judge Casillas said the decision would let the lawsuit go ahead.",
            "definite_description",
        ),
        ("“We will not give in,” he said after the vote in Geneva.", "quote"),
        ("Prices rose sharply in Lisbon, he said on Monday.", "pronoun"),
        ("But officials in Lisbon denied any link to the strike.", "connective"),
        ("and then the council in Leeds voted against it.", "connective"),
        ("officials in Leeds voted against the budget on Monday.", "fragment"),
        ("A friend said Olsen had planned to leave Oslo in June.", "definite_description"),
        ("Many sites in Europe forbid weak passwords on their pages.", "definite_description"),
        ("George Washington's name is inseparable from the nation's ...", "fragment"),
        ("We tracked down one of the sisters in Ohio on Friday.", "pronoun"),
        ("Maria Olsen, the UN aid chief, said convoys left Aleppo on Monday.", None),
        ("Afterward, Olsen flew back to Oslo with the team.", "connective"),
        ("In other words, Norway pays more for its ferries.", "connective"),
        ("That said, Olsen will stay in Oslo until June.", "connective"),
        ("One day last month, Olsen bought a ferry in Oslo.", None),
        ("By then, Olsen had already left Oslo.", "connective"),
        ("“He gets things done,” Olsen said of Berg in Oslo.", "pronoun"),
        # page text around a story, not the story
        ("Feeling let down by @AcmeNews and #OsloFerry tonight.", "page_text"),
        ("Olsen's post (as captured by @AcmeNews) drew 900 replies in Oslo.", None),
        ("Olsen posted photos with #oslo, #ferry and #fjord.", "page_text"),
        ("Olsen said the #MeToo movement had reached Oslo's ferry company.", None),
        (
            "Senate Whip Jon Berg Jon BergOlsen to lead Oslo talks Senate votes on Monday.",
            "page_text",
        ),
        ("CLOSE The Oslo ferry company cut its routes in 2012.", "page_text"),
        ("In Bergen, for instance, the high is forecast to be 3 degrees below zero.", "connective"),
        ("Berg AB , Lund CD , Olsen EF , Flu trends in Norway, 1990–2000.", "page_text"),
        ("Results and Discussion The trial in Oslo showed fewer infections.", "page_text"),
        ("UPDATE: Norway's parliament passed the Bergen ferry bill.", "page_text"),
        ("The Norwegian Institute of Public Health has more on flu.", "page_text"),
        ("Q: Why did the Oslo ferry company cut its routes in 2012?", "page_text"),
        ("A: The Oslo ferry company cut its routes to save money.", "page_text"),
        ("Samples from Bergen showed no virus (Figure 2).", "page_text"),
        # a photo caption's places, and words about the page's pictures and players
        ("Oslo mayor Jon Berg (left) and Kari Lund (right) open the Bergen bridge.", "page_text"),
        ("Kari Lund, left, hugs her son Per at the Oslo ferry port.", "page_text"),
        ("In the video clip above, Olsen tours the Bergen ferry port.", "page_text"),
        ("Here's a look at the new Oslo ferry routes and their fares.", "page_text"),
        # a label phrase the page sets before a colon
        ("Why it matters: Norway's ferry fares rose 20% in Oslo.", "page_text"),
        ("On ferry fares: Olsen wants them cut in Oslo by June.", "page_text"),
        ("EXCLUSIVE: Norway will cut Oslo ferry fares in June.", "page_text"),
        # a link card's name, a heading glued on with no space, a byline, a player below
        ("Premier Olsen Kari Marie OlsenNorway cuts ferry fares in Oslo on Monday.", "page_text"),
        ("Mayor Jon Berg (Jonny) Per BergBergen votes on the ferry plan today.", "page_text"),
        ("Best Ferries In NorwayThe fastest ferry leaves Bergen at 6 a.m. daily.", "page_text"),
        (
            "Olsen to quit By Kari Lund - Tweet Olsen said on Monday he would leave Oslo.",
            "page_text",
        ),
        ("The full video of the Olsen interview follows below.", "page_text"),
    ],
)
def test_standalone_problems(text, problem):
    assert standalone_problem(text) == problem


@pytest.mark.parametrize(
    "text",
    [
        "Police asked residents of Oslo for more information about the attack.",
        "China has more on the line than Norway, Olsen said.",
        "NEW DELHI: India on Monday launched a weather satellite.",
        "Fares rose in Austin TX, Denver CO, and Miami FL last year.",
        "Olsen won Table 2 at the Oslo casino on Monday.",
        "Activists of #MeToo and #TimesUp rallied in Oslo on Monday.",
        "Rents New York New Yorkers pay rose 5% in 2012.",
        "“It is a great day for Norway,” Olsen said in Oslo.",
        "Later, Olsen said Norway would build a new Oslo ferry port.",
        "Sen. Per Lund (R) leads his rival in the Oslo race by 4 points.",
        "Norway's far left, and its unions, opposed the Bergen ferry deal.",
        "Voters in Oslo turned right, to the populists, in 2013.",
        "Olsen said the photos showed the ferry sinking above Bergen.",
        "Olsen said: “Norway will cut Oslo ferry fares in June.”",
        "Jon Olsen told reporters: “Norway will cut Oslo ferry fares in June.”",
        "Olsen met LinkedIn and YouTube staff in Oslo on Monday.",
        "Jon Olsen and Kari Olsen met Per Olsen in Bergen on Monday.",
        "By Monday, Olsen - and Berg - had left Oslo for Bergen.",
        "Details of the Bergen ferry deal are set out below the headline figures, Olsen said.",
        # quote introductions, politics' left and right, levels below normal, "By" + a time
        "Olsen tweeted: “Norway will cut Oslo ferry fares in June.”",
        "Olsen's statement read: “Norway will cut Oslo ferry fares in June.”",
        "Olsen told reporters: “Norway will cut Oslo ferry fares in June.”",
        "Politicians in Oslo, left and right, condemned the ferry cuts on Monday.",
        "Olsen moved from left-wing politics to the Bergen ferry union in 2010.",
        "Video footage showed that water levels at the Oslo dam are below normal.",
        "A photo above Olsen's desk in Oslo shows the old Bergen ferry.",
        "The US Navy USS Olav Tryggvason sailed from Bergen to Oslo on Monday.",
        "By Labor Day - the end of summer - Olsen had left Oslo for Bergen.",
        "THE TERMS OF THIS OSLO FERRY TICKET ARE SET BY THE NORWEGIAN STATE AND CANNOT BE "
        "CHANGED BY ANY AGENT OR CARRIER AT ANY TIME FOR ANY REASON, Olsen said in Oslo.",
    ],
)
def test_news_sentences_are_not_taken_for_page_text(text):
    assert standalone_problem(text, strict=False) is None


@pytest.mark.slow
def test_labelled_standalone_sentences_scored_on_the_test_half():
    judge = ParsedJudge(load=spacy_parser)
    records = half(read_jsonl(DATA / "standalone.jsonl"), "test")
    results = standalone_outcomes(records, judge.problem)
    found = score(results)
    assert len(results) == 95
    assert found.predicted > 0 and found.recall > 0


def test_a_speaker_further_back_than_the_sentence_before_is_never_guessed():
    s = sentences(
        "UN aid chief Maria Olsen told reporters that convoys were ready to move.",
        "Roads out of the city were still closed by snow.",
        "She said convoys to Aleppo could leave overnight.",
    )
    assert repair(s[2], s) is None


def test_a_pronoun_speaker_is_not_the_person_its_sentence_names():
    s = sentences(
        "Olsen said the Varna port would reopen.",
        "He added that Olsen had misread the storm warnings.",
    )
    assert repair(s[1], s) is None


@pytest.fixture(scope="module")
def judge() -> ParsedJudge:
    return ParsedJudge(load=spacy_parser)


@pytest.mark.parametrize(
    ("before", "pronoun", "name"),
    [
        ("Harbour master Jan Berg said the Varna port would reopen on Monday.", "He", "Jan Berg"),
        (
            "The chairwoman, Anna Olsen, said the report on the Varna port was final.",
            "She",
            "Anna Olsen",
        ),
        ("Valdes-Berg said the ferry had been sold to a Bergen firm.", "He", "Valdes-Berg"),
        # two people: either may be meant
        ("Jan Berg said Anna Olsen had sold the Varna ferry to a Bergen firm.", "He", None),
        # the only person named is no subject
        ("The Varna council thanked Jan Berg for the ferry repairs.", "He", None),
        # a person named by a noun stands as a subject beside the name
        ("Jan Berg said the boy's mother called the Varna police.", "She", None),
        # the other gender points at someone else
        ("Jan Berg said he would sell the Varna ferry to a Bergen firm.", "She", None),
        # the name is inside someone's quotation
        ('"Jan Berg never sold the ferry," the Varna harbour office said.', "He", None),
    ],
)
def test_a_pronoun_speaker_is_named_only_when_the_sentence_before_makes_it_sure(
    judge, before, pronoun, name
):
    assert judge.antecedent(before, pronoun) == name


def test_the_parse_judge_repairs_a_pronoun_speaker_with_the_name_as_written(judge):
    s = sentences(
        "Harbour master Jan Berg said the Varna port would reopen on Monday.",
        "He added that the ferries would sail again on Tuesday.",
    )
    fixed = repair(s[1], s, named=judge.antecedent)
    assert fixed == "[Jan Berg] added that the ferries would sail again on Tuesday."


def test_a_cut_subject_is_a_fragment_even_with_a_capital(judge):
    s = sentences("And struck a deal with the Varna dock workers on Monday.")
    text = repair(s[0], s)
    assert text == "Struck a deal with the Varna dock workers on Monday."  # the rules see
    assert judge.problem(text) == "fragment"  # no subject, which the parse sees
    assert judge.problem("Was sent to Varna by the Bergen council on Monday.") == "fragment"
    assert judge.problem("There is no deal for the Varna dock workers yet.") is None


def test_a_page_time_stamp_before_the_sentence_is_dropped():
    s = sentences("Noon, May 3 - The Varna harbour office is asking for help finding a boat.")
    assert repair(s[0], s) == "The Varna harbour office is asking for help finding a boat."
    from synth.understand.standalone.rules import drop_stamp

    kept = "May 3 - was the day the Varna harbour office asked for help."
    assert drop_stamp(kept) == kept  # what follows the dash does not open a sentence


def test_a_sentence_cut_out_of_a_quote_that_goes_on_is_a_fragment():
    from synth.understand.standalone.rules import open_quotation, standalone_problem

    cut = "Mayor Ann Lund said: “The harbour will reopen, and the ferries will sail."
    assert standalone_problem(cut, strict=False) == "fragment"
    assert open_quotation("She answered: ‘Never! [1]")
    assert not open_quotation("Mayor Ann Lund said: “The harbour will reopen.”")
    assert not open_quotation("It’s the players’ union that said ‘no’ to the plan.")
    assert not open_quotation('He called it "a good deal" on Monday.')


def test_a_time_told_from_something_the_point_does_not_name_keeps_it_out():
    from synth.understand.standalone.rules import standalone_problem

    told = "Crews in Varna began repairs two hours earlier with a crane."
    assert standalone_problem(told, strict=False) == "relative_time"
    anchored = "Crews in Varna began repairs two hours before the storm reached Burgas."
    assert standalone_problem(anchored, strict=False) is None
