"""Layer 5, publish: the notebook catalogue, execution, report pages, slides and the teaching kit."""
