"""The Kring application and its use cases: commands on client networks (kring.py), the read side's questions
(readside.py), and what the API, the pages, the scheduler and the worker ask of them; built by services.py. No Flask."""
