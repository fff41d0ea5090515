"""What the user chooses: the selection (treatments, view, side effects, what matters), link values, the PML
estimator's questions, the knowledge check, and the buttons that make a handout or a download."""
