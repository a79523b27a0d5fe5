// An erased adviser keeps only a digest of its programme id, never shown, so that an import naming that id again is
// refused; the imports look it up for every adviser row.
CREATE INDEX adviser_programme_id_digest IF NOT EXISTS FOR (n:Adviser) ON (n.programmeIdDigest);
