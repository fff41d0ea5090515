from components.frame import elements, page
from components.views import glossary

knowledge, _ = page.start("Words explained")
elements.markdown("Words your MS team, the labels and the trial reports use, in plain words. Where they appear in the "
                  "patient view, their meaning is said beside them.")
glossary.show(knowledge)
