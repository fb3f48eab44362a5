"""The read API (/api/v1/): Congresses, meetings and their reports as JSON, under the site's visibility rule."""
