"""The project's configuration: settings read from the environment, the URLs, and the WSGI and ASGI entry points."""
