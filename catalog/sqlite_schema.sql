-- The schema of a new SQLite catalogue, as the Alembic migrations make it (tools/sqlite_schema.py).
-- catalog.db creates new catalogues from this file; do not edit it by hand.
-- revision: 0018
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE photo (
	id INTEGER NOT NULL, 
	path TEXT NOT NULL, 
	size BIGINT NOT NULL, 
	mtime_ns BIGINT NOT NULL, 
	fingerprint VARCHAR(64) NOT NULL, 
	content_hash VARCHAR(64), 
	format VARCHAR(16), 
	width INTEGER, 
	height INTEGER, 
	caption TEXT, 
	headline TEXT, 
	title TEXT, 
	credit_line TEXT, 
	photographer TEXT, 
	agency TEXT, 
	provider TEXT, 
	source TEXT, 
	copyright TEXT, 
	photographer_key TEXT, 
	credit_key TEXT, 
	taken VARCHAR(40), 
	taken_start VARCHAR(10), 
	taken_end VARCHAR(10), 
	taken_inferred BOOLEAN NOT NULL, 
	released VARCHAR(40), 
	released_start VARCHAR(10), 
	released_end VARCHAR(10), 
	sublocation TEXT, 
	city TEXT, 
	province TEXT, 
	country TEXT, 
	country_code VARCHAR(3), 
	lat FLOAT, 
	lon FLOAT, 
	location_approx BOOLEAN NOT NULL, 
	location_shown JSON, 
	keywords JSON, 
	make TEXT, 
	model TEXT, 
	sources JSON NOT NULL, 
	conflicts JSON, 
	has_conflicts BOOLEAN NOT NULL, 
	extra JSON, 
	search_text TEXT NOT NULL, 
	imported_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, sidecar_mtime_ns BIGINT, manual JSON, device BIGINT, inode BIGINT, raw_path BLOB, damaged BOOLEAN DEFAULT 0 NOT NULL, missing_since DATETIME, place JSON, restrictions JSON, source_type VARCHAR(64), ai BOOLEAN, c2pa JSON, transmission_reference VARCHAR(64), check_facts JSON, place_group TEXT, 
	CONSTRAINT pk_photo PRIMARY KEY (id), 
	CONSTRAINT uq_photo_path UNIQUE (path)
);
CREATE INDEX ix_photo_fingerprint ON photo (fingerprint);
CREATE INDEX ix_photo_has_conflicts ON photo (has_conflicts);
CREATE INDEX ix_photo_lat ON photo (lat);
CREATE INDEX ix_photo_released_start ON photo (released_start);
CREATE TABLE setting (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_setting PRIMARY KEY ("key")
);
CREATE TABLE place_name (
	photo_id INTEGER NOT NULL, 
	kind VARCHAR(8) NOT NULL, 
	level VARCHAR(16) NOT NULL, 
	name TEXT NOT NULL, 
	CONSTRAINT pk_place_name PRIMARY KEY (photo_id, kind, level), 
	CONSTRAINT fk_place_name_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
);
CREATE VIRTUAL TABLE photo_fts USING fts5(search_text, content='photo', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER photo_fts_insert AFTER INSERT ON photo BEGIN INSERT INTO photo_fts(rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE TRIGGER photo_fts_delete AFTER DELETE ON photo BEGIN INSERT INTO photo_fts(photo_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END;
CREATE TRIGGER photo_fts_update AFTER UPDATE OF search_text ON photo BEGIN INSERT INTO photo_fts(photo_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); INSERT INTO photo_fts(rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE INDEX ix_photo_taken_order ON photo (taken_start, taken, path, taken_end);
CREATE INDEX ix_photo_photographer_key ON photo (photographer_key);
CREATE INDEX ix_photo_credit_key ON photo (credit_key);
CREATE INDEX ix_place_name_lookup ON place_name (name, kind, level, photo_id);
CREATE INDEX ix_photo_file_identity ON photo (device, inode);
CREATE INDEX ix_photo_damaged ON photo (damaged);
CREATE TABLE place_key (
	photo_id INTEGER NOT NULL, 
	kind VARCHAR(8) NOT NULL, 
	"key" VARCHAR(40) NOT NULL, 
	CONSTRAINT pk_place_key PRIMARY KEY (photo_id, kind, "key"), 
	CONSTRAINT fk_place_key_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
)
 WITHOUT ROWID

;
CREATE INDEX ix_place_key_lookup ON place_key ("key", kind, photo_id);
CREATE TABLE person_token (
	photo_id INTEGER NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	token TEXT NOT NULL, 
	CONSTRAINT pk_person_token PRIMARY KEY (photo_id, role, token), 
	CONSTRAINT fk_person_token_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
)
 WITHOUT ROWID

;
CREATE INDEX ix_person_token_lookup ON person_token (token, role, photo_id);
CREATE INDEX ix_photo_ai ON photo (ai);
CREATE INDEX ix_photo_transmission_reference ON photo (transmission_reference);
CREATE TABLE restriction (
	photo_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	text TEXT NOT NULL, 
	until DATETIME, 
	region TEXT, 
	source VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_restriction PRIMARY KEY (photo_id, position), 
	CONSTRAINT fk_restriction_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
);
CREATE INDEX ix_restriction_kind ON restriction (kind, photo_id);
CREATE TABLE story (
	id INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_story PRIMARY KEY (id), 
	CONSTRAINT uq_story_name UNIQUE (name)
);
CREATE TABLE story_photo (
	story_id INTEGER NOT NULL, 
	photo_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	added_at DATETIME NOT NULL, 
	CONSTRAINT pk_story_photo PRIMARY KEY (story_id, photo_id), 
	CONSTRAINT fk_story_photo_story_id_story FOREIGN KEY(story_id) REFERENCES story (id) ON DELETE CASCADE, 
	CONSTRAINT fk_story_photo_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
);
CREATE INDEX ix_story_photo_photo ON story_photo (photo_id, story_id);
CREATE TABLE kill (
	photo_id INTEGER NOT NULL, 
	reason TEXT NOT NULL, 
	at DATETIME NOT NULL, 
	origin TEXT NOT NULL, 
	advisory TEXT, 
	CONSTRAINT pk_kill PRIMARY KEY (photo_id), 
	CONSTRAINT fk_kill_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
);
CREATE TABLE place_check (
	photo_id INTEGER NOT NULL, 
	stated TEXT NOT NULL, 
	lat FLOAT NOT NULL, 
	lon FLOAT NOT NULL, 
	entity JSON, 
	distance_km FLOAT, 
	"conflict" TEXT, 
	CONSTRAINT pk_place_check PRIMARY KEY (photo_id), 
	CONSTRAINT fk_place_check_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
);
CREATE INDEX ix_photo_updated_at ON photo (updated_at);
CREATE TABLE variant_fingerprint (
	photo_id INTEGER NOT NULL, 
	fingerprint BLOB, 
	file_fingerprint VARCHAR(64) NOT NULL, 
	made_from VARCHAR(16), 
	group_id INTEGER, 
	placed BOOLEAN DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_variant_fingerprint PRIMARY KEY (photo_id), 
	CONSTRAINT fk_variant_fingerprint_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
);
CREATE INDEX ix_variant_fingerprint_group_id ON variant_fingerprint (group_id);
CREATE INDEX ix_variant_fingerprint_placed ON variant_fingerprint (placed);
CREATE TABLE variant_band (
	"key" INTEGER NOT NULL, 
	window INTEGER NOT NULL, 
	photo_id INTEGER NOT NULL, 
	hash BIGINT NOT NULL, 
	CONSTRAINT pk_variant_band PRIMARY KEY ("key", window, photo_id, hash), 
	CONSTRAINT fk_variant_band_photo_id_photo FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
)
 WITHOUT ROWID

;
CREATE INDEX ix_variant_band_photo_id ON variant_band (photo_id);
CREATE INDEX ix_photo_taken_span ON photo (taken_start, taken_end);
CREATE INDEX ix_photo_place_group ON photo (place_group);
CREATE TABLE variant_pair (
	photo_id INTEGER NOT NULL, 
	other_id INTEGER NOT NULL, 
	measured_by INTEGER NOT NULL, 
	distance FLOAT, 
	blob FLOAT, 
	colour_blob FLOAT, 
	overlap FLOAT, 
	rotation FLOAT, 
	box_left FLOAT, 
	box_top FLOAT, 
	box_right FLOAT, 
	box_bottom FLOAT, block FLOAT, 
	CONSTRAINT pk_variant_pair PRIMARY KEY (photo_id, other_id), 
	CONSTRAINT fk_variant_pair_photo_id_variant_fingerprint FOREIGN KEY(photo_id) REFERENCES variant_fingerprint (photo_id) ON DELETE CASCADE, 
	CONSTRAINT fk_variant_pair_other_id_variant_fingerprint FOREIGN KEY(other_id) REFERENCES variant_fingerprint (photo_id) ON DELETE CASCADE
)
 WITHOUT ROWID

;
CREATE INDEX ix_variant_pair_other_id ON variant_pair (other_id, photo_id);
CREATE TABLE kill_print (
	fingerprint VARCHAR(64) NOT NULL, 
	reason TEXT NOT NULL, 
	at DATETIME NOT NULL, 
	origin TEXT NOT NULL, 
	advisory TEXT, 
	path TEXT NOT NULL, 
	CONSTRAINT pk_kill_print PRIMARY KEY (fingerprint)
);
CREATE TRIGGER kill_print_insert AFTER INSERT ON photo BEGIN INSERT INTO kill (photo_id, reason, at, origin, advisory) SELECT new.id, reason, at, origin, advisory FROM kill_print WHERE fingerprint = new.fingerprint AND NOT EXISTS (SELECT 1 FROM kill WHERE photo_id = new.id); END;
CREATE TRIGGER kill_print_update AFTER UPDATE OF fingerprint ON photo WHEN old.fingerprint IS NOT new.fingerprint BEGIN INSERT INTO kill (photo_id, reason, at, origin, advisory) SELECT new.id, reason, at, origin, advisory FROM kill_print WHERE fingerprint = new.fingerprint AND NOT EXISTS (SELECT 1 FROM kill WHERE photo_id = new.id); END;
INSERT INTO alembic_version (version_num) VALUES ('0018');
