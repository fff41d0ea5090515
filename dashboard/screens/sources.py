from components.controls import data_download, selection
from components.frame import elements, page
from components.views import sources_table

knowledge, _ = page.start("Sources")
view = selection.view(knowledge)
elements.markdown("Every number and note on this dashboard names one of these sources and the exact place in it.")
sources_table.show(knowledge, view)
sources_table.cited(knowledge)
data_download.show(knowledge, selection.current(knowledge))
