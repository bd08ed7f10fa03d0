"""Did-you-mean: the length index never changes difflib's answer, only its cost."""

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from playbook_cli.core.suggest import Suggester, did_you_mean

WORDS = st.text(alphabet="abcdeghnor-_", min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.lists(WORDS, max_size=40))
def test_the_index_finds_what_difflib_finds(word, options):
    expected = difflib.get_close_matches(word, list(dict.fromkeys(options)), n=1, cutoff=0.6)
    assert Suggester(options).closest(word) == (expected[0] if expected else None)


def test_a_misspelt_id_gets_its_suggestion():
    assert did_you_mean("aplogise", ["apologise", "reply-now", "done"]) == "; did you mean 'apologise'?"
    assert did_you_mean("zzz", ["apologise"]) == ""
