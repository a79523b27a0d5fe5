// A new referential may move communes (mergers, EPCI changes): the hierarchy is rebuilt from the file.
MATCH (:Region|Department|Epci|Commune|Prefecture|Sgar)-[r:IN_REGION|IN_DEPARTMENT|IN_EPCI|PREFECTURE_OF|SGAR_OF|SEATED_IN]->()
DELETE r
