"""Running Rapporteur: the health check, the error pages, the client's address behind proxies, the check that
a served site has a secret key of its own, and the backup, restore and local-admin commands."""
