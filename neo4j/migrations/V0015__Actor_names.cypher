// The lists of all France's employers, places and partners are paged by name: read in the order of these indexes, a
// page costs a page's worth of reads, where each page sorted every actor of France.
CREATE INDEX employer_name IF NOT EXISTS FOR (n:Employer) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX partner_name IF NOT EXISTS FOR (n:Partner) ON (n.name);
