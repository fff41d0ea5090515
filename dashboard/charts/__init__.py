"""Chart builders: knowledge in, Plotly figure (and its table alternative) out. No Streamlit."""
