"""The dashboard's own stylesheet (fixed text from code, never from data): compact top, a readable overview table,
and a print stylesheet so the browser's own print gives a clean page (no controls, no split rows). The server writes
it at the end of the page the browser loads (dashboard/stylesheet.py), so no session sends it."""
from __future__ import annotations

CSS = """
<style>
.block-container {padding-top: 1.4rem; padding-bottom: 2rem;}
[data-testid="stHeader"], [data-testid="stHeader"] * {pointer-events: none; background: transparent;}
[data-testid="stHeader"] button, [data-testid="stHeader"] a {pointer-events: auto;}
h1 {font-size: 1.6rem !important; padding: 0 !important;}
[data-testid="stAlert"] {padding: .55rem .9rem;}
[data-testid="stAlertContentInfo"] p {margin-bottom: 0; font-size: .95rem;}
[data-testid="stMarkdownContainer"] table {font-size: .9rem; line-height: 1.25; width: 100%;}
[data-testid="stMarkdownContainer"] th, [data-testid="stMarkdownContainer"] td {padding: .25rem .45rem !important; vertical-align: top;}
[data-testid="stMarkdownContainer"] td:first-child {min-width: 7.5rem;}
[data-testid="stMarkdownContainer"] hr {margin: .75rem 0 .25rem;}
[data-testid="stPageLink"] p {white-space: normal;}
[data-testid="stWidgetLabel"][disabled], [data-testid="stWidgetLabel"][disabled] p {color: #5E5E5E !important; opacity: 1;}
/* Side by side on a wide screen, without a row container sent for them: the view switch beside the treatment picker,
   the benefits page's two switches. One under the other on a phone. */
@media (min-width: 641px) {  /* the second moved up beside the first: its height (3.5rem, 1.5rem) and the gap (1rem) */
  .st-key-w_view + .st-key-w_treatments {margin: -4.5rem 0 0 11rem; width: auto !important;}
  .st-key-as_tables + .st-key-more_benefits {margin: -2.5rem 0 0 13.2rem; width: auto !important;}
}
@media (min-width: 560px) and (max-width: 640px) {  /* a laptop at 200% zoom: the same, with the phone's .5rem gap */
  .st-key-w_view + .st-key-w_treatments {margin: -4rem 0 0 11rem; width: auto !important;}
  .st-key-as_tables + .st-key-more_benefits {margin: -2rem 0 0 13.2rem; width: auto !important;}
}
/* Every chosen treatment in sight: the picker grows with its choices instead of scrolling inside. */
[data-testid="stMultiSelect"] div:has(> [data-testid="stMultiSelectTagsContainer"]) {max-height: none !important;}
[class*="st-key-disclaimer_short"] {display: none;}
/* The top: the menu placed at the left of the disclaimer (no container is sent for the row), room on the right for
   Streamlit's own menu. The disclaimer is the element right after the menu. */
[class*="st-key-menu_"] {position: absolute; z-index: 2; margin-top: .5rem;}
[class*="st-key-menu_"] + [data-testid="stElementContainer"], [class*="st-key-disclaimer_short"] {margin-left: 7.3rem; margin-right: 2.6rem; width: auto !important;}
[class*="st-key-disclaimer_short"] button {justify-content: flex-start; text-align: left; padding: .2rem .6rem;}
/* Choices of buttons (the values page's card sort, its situations): a long choice wraps instead of being cut off, and a
   chosen one says so with a tick and bold type as well as its colour. */
button[data-variant="pills"] {max-width: 100%; height: auto;}
button[data-variant="pills"] :is(div, span, p) {white-space: normal !important; text-overflow: clip !important; overflow: visible !important;}
button[data-variant="pills"][aria-pressed="true"] p {font-weight: 600;}
button[data-variant="pills"][aria-pressed="true"] p::before {content: "\\2713\\00a0";}
/* A phone, or a laptop at 200% zoom: the first chart or table on the first screen. */
@media (max-width: 640px) {
  [class*="st-key-menu_"] + [data-testid="stElementContainer"] {display: none;}
  [class*="st-key-disclaimer_short"] {display: block;}
  .block-container {padding-top: .4rem;}
  [data-testid="stVerticalBlock"] {gap: .5rem !important;}
  [data-testid="stMarkdownContainer"] h3 {font-size: 1.15rem; padding: .2rem 0 0;}
  [data-testid="stMarkdownContainer"] hr {margin: .3rem 0 .1rem;}
  [class*="st-key-disclaimer_short"] button {min-height: 0;}
  [class*="st-key-disclaimer_short"] button p {font-size: .85rem; line-height: 1.25; white-space: normal;}
  [class*="st-key-menu_"] {margin-top: 0;}
  [class*="st-key-disclaimer_short"] {margin-left: 5.3rem; margin-right: 2.4rem;}
  h1 {font-size: 1.3rem !important;}
}
@media (max-width: 640px) {
  .block-container {padding-left: .6rem; padding-right: .6rem;}
  [data-testid="stMarkdownContainer"] table {font-size: .9rem;}
}
@media (max-width: 559px) {  /* a phone: the view switch's label beside it, the picker under it */
  .st-key-w_view {flex-direction: row; align-items: center; gap: .5rem;}
  .st-key-w_view [data-testid="stWidgetLabel"] {margin-bottom: 0;}
}
@media print {
  header, [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"], [data-testid="stDecoration"],
  [data-testid="stMultiSelect"], [data-testid="stSegmentedControl"], [data-testid="stButtonGroup"], [data-testid="stPopover"],
  [data-testid="stPageLink"], [class*="st-key-menu_"], [data-testid="stButton"], [data-testid="stCheckbox"], [data-testid="stToggle"],
  [data-testid="stExpanderToggleIcon"], .stDownloadButton, [data-testid="stElementToolbar"] {display: none !important;}
  .block-container {padding: 0 !important; max-width: 100% !important;}
  tr, td, th, [data-testid="stVerticalBlockBorderWrapper"], .js-plotly-plot, [data-testid="stExpander"] {break-inside: avoid;}
  a {color: inherit; text-decoration: underline;}
}
/* Presenter mode, while a talk is on screen (its top row is drawn): no menu or header, text at least 24 px. */
body:has(.st-key-presenter_top) {
  & header, & [data-testid="stHeader"], & [data-testid="stToolbar"], & [data-testid="stDecoration"], & [class*="st-key-menu_"],
  & [class*="st-key-disclaimer_short"], & [class*="st-key-w_key_"] {display: none !important;}
  & [class*="st-key-menu_"] + [data-testid="stElementContainer"] {margin: 0 !important;}
  & .block-container {padding-top: .6rem !important; padding-bottom: 0 !important; max-width: 100% !important;}
  & .block-container :is(p, li, td, th, span, button, label, summary, figcaption, div, a, strong, em, sup, sub, small, kbd) {font-size: max(1.5rem, 1em);}
  & .block-container sup {vertical-align: baseline;}
  & [data-testid="stMarkdownContainer"] p, & [data-testid="stMarkdownContainer"] li {line-height: 1.3;}
  & [data-testid="stMarkdownContainer"] table {font-size: 1.5rem !important; line-height: 1.25;}
  & [data-testid="stAlert"] {padding: .3rem .8rem;}
  & [data-testid="stImageCaption"], & [data-testid="stCaptionContainer"] {font-size: 1.5rem !important;}
  & h1 {display: none;}
  & [data-testid="stMarkdownContainer"] h2 {font-size: 2.2rem !important; padding: 0;}
}
</style>
"""
