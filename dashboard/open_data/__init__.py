"""Open data: the dataset catalogue, its API, its export and the protection it draws from."""
