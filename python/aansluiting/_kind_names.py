"""Dutch names of goal kinds, singular and plural: what the report and the command line call them."""

#: Dutch names of the goal kinds (`kind` in the result tables): (one, many). "vakkennis en
#: vaardigheden" is the SBB's own name for one item as for many. Order: how the report lists them.
KINDS = {
    "programme": ("examenprogramma", "examenprogramma's"),
    "domain": ("domein", "domeinen"),
    "subdomain": ("subdomein", "subdomeinen"),
    "eindterm": ("eindterm", "eindtermen"),
    "syllabus": ("syllabus", "syllabi"),
    "specification": ("specificatie", "specificaties"),
    "explanation": ("toelichting", "toelichtingen"),
    "concept": ("vakbegrip", "vakbegrippen"),
    "dossier": ("kwalificatiedossier", "kwalificatiedossiers"),
    "qualification": ("kwalificatie", "kwalificaties"),
    "kerntaak": ("kerntaak", "kerntaken"),
    "werkproces": ("werkproces", "werkprocessen"),
    "knowledge_skill": ("vakkennis en vaardigheden", "vakkennis en vaardigheden"),
    "framework": ("referentiekader", "referentiekaders"),
    "topic": ("onderwerp", "onderwerpen"),
    "goal": ("doel", "doelen"),
}
