"""Kring in the formats of others: FHIR R4 on the Nictiz zib2020 profiles for Dutch care records, Network Canvas
GraphML and CSV for network interviews, and egor's three tables for network research.

Plain functions over a network's state and events: no web framework here (services/web wires them to the API).
"""
