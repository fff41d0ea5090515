"""A kept element is the message Streamlit itself sends for the same arguments, in the same container."""
from __future__ import annotations

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.testing.v1 import AppTest

from components import elements

CASES = [  # (command, args, options): every kind the components send through components.elements
    ("markdown", ("**Important:** a text with a [link](https://example.org) and :small[small print]",), {}),
    ("markdown", ("    indented text is dedented by Streamlit",), {}),
    ("caption", (":material/compare_arrows: not head to head",), {}),
    ("info", ("**Ocrelizumab:** no figure in the sources we hold.",), {"icon": ":material/info:"}),
    ("info", ("Choose at least 2 treatments above to see this page.",), {}),
    ("warning", ("**Not a head-to-head comparison.** Trials differ.",), {"icon": ":material/compare_arrows:"}),
    ("title", ("MS treatment explorer",), {}),
    ("header", ("Updates and review dates",), {"divider": "gray"}),
    ("subheader", ("Natalizumab",), {"anchor": "natalizumab", "divider": "gray"}),
    ("markdown", ("**Step 1 of 8**",), {"width": "content"}),
    ("image", ('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>',),
     {"caption": "This step's link", "width": 130}),
]


def app(cases):
    import streamlit as st
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    from components import elements

    def first():
        st.markdown("first page")

    def second():
        st.markdown("second page")

    pages = [st.Page(first, title="First", url_path="first", default=True), st.Page(second, title="Second", url_path="second")]
    st.navigation(pages, position="hidden")
    sent: list[ForwardMsg] = []
    context = get_script_run_ctx()
    original = context.enqueue
    context.enqueue = lambda message: (original(message), sent.append(message))  # as sent: with its hash
    try:
        with st.container():
            for command, args, options in cases:
                getattr(st, command)(*args, **options)
                getattr(elements, command)(*args, **options)
        with st.expander("More"):
            st.html("<style>.x {color: red;}</style>")
            elements.stylesheet("<style>.x {color: red;}</style>")
            st.page_link(pages[1], label="See the second page", icon=":material/list:",
                         query_params={"treatments": ["a", "b"], "view": "patient"})
            elements.page_link(pages[1], "See the second page", (("treatments", ("a", "b")), ("view", "patient")),
                               ":material/list:")
    finally:
        context.enqueue = original
    st.session_state["sent"] = [message.SerializeToString() for message in sent]


def sent_pairs() -> list[tuple[ForwardMsg, ForwardMsg]]:
    at = AppTest.from_function(app, args=(CASES,), default_timeout=30)
    at.run()
    assert not at.exception
    sent = [ForwardMsg.FromString(raw) for raw in at.session_state["sent"]]
    sent = [message for message in sent if message.delta.WhichOneof("type") == "new_element"]  # not the blocks
    assert len(sent) == 2 * (len(CASES) + 2)
    return list(zip(sent[::2], sent[1::2]))


def test_each_kept_element_is_the_message_streamlit_sends():
    pairs = sent_pairs()
    kinds = [theirs.delta.new_element.WhichOneof("type") for theirs, _ in pairs]
    assert kinds == ["markdown", "markdown", "markdown", "alert", "alert", "alert", "heading", "heading", "heading",
                     "markdown", "imgs", "html", "page_link"]
    for theirs, ours in pairs:
        their_path, our_path = list(theirs.metadata.delta_path), list(ours.metadata.delta_path)
        assert our_path[:-1] == their_path[:-1] and our_path[-1] == their_path[-1] + 1  # same container, next place
        theirs.metadata.ClearField("delta_path")
        ours.metadata.ClearField("delta_path")
        assert ours == theirs and ours.hash
    assert pairs[1][1].delta.new_element.markdown.body == "indented text is dedented by Streamlit"
    assert pairs[-1][1].delta.new_element.page_link.query_string == "treatments=a&treatments=b&view=patient"


def test_an_element_is_made_once_per_content():
    made = elements._made("markdown", ("kept once",), ())
    assert elements._made("markdown", ("kept once",), ()) is made
    assert elements._made("markdown", ("kept once",), (("help", "a tip"),)) is not made
    assert made[0].delta.new_element.markdown.body == "kept once" and made[0].hash and not made[1]


class _Knowledge:
    """Stands in for a Knowledge: its `recent` keeps what is made per key."""

    def __init__(self):
        self.made: dict = {}

    def recent(self, key, build):
        if key not in self.made:
            self.made[key] = build()
        return self.made[key]


def test_a_kept_table_is_the_dataframe_streamlit_sends_made_once_per_knowledge():
    def app(knowledge):
        import pandas as pd
        import pyarrow as pa
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        from components import elements

        table = pa.Table.from_pandas(pd.DataFrame({"Treatment": ["A", "B"], "Last reviewed": ["2026-11-30"] * 2}))
        sent = []
        context = get_script_run_ctx()
        original = context.enqueue
        context.enqueue = lambda message: (original(message), sent.append(message))
        try:
            st.dataframe(table, hide_index=True, width="stretch")
            elements.kept(knowledge, ("dates",), lambda dg: dg.dataframe(table, hide_index=True, width="stretch"))
        finally:
            context.enqueue = original
        st.session_state["sent"] = [message.SerializeToString() for message in sent]

    knowledge = _Knowledge()
    at = AppTest.from_function(app, args=(knowledge,), default_timeout=30)
    for run in range(2):
        at.run()
        assert not at.exception
        theirs, ours = (ForwardMsg.FromString(raw) for raw in at.session_state["sent"])
        for message in (theirs, ours):
            message.metadata.ClearField("delta_path")
        assert ours == theirs and ours.delta.new_element.dataframe.arrow_data.data, run
        assert list(knowledge.made) == [("element", "dates")]  # made once, on the first run
    assert list(at.dataframe[1].value["Treatment"]) == ["A", "B"]
