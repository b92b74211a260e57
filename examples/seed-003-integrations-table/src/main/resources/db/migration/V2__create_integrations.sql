-- The migration the new integrations code needs: one table for every user's integrations.
CREATE TABLE integrations (
  id VARCHAR(255) PRIMARY KEY,
  user_id VARCHAR(255) NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  type VARCHAR(50) NOT NULL,  -- 'notion', 'obsidian', etc.
  name VARCHAR(255) NOT NULL, -- the integration's name, as the user chose it
  access_token TEXT NOT NULL,
  refresh_token TEXT,
  expires_at TIMESTAMP,
  metadata JSONB,             -- what each kind of integration needs to keep
  is_active BOOLEAN DEFAULT true,
  created_at TIMESTAMP DEFAULT NOW() NOT NULL,
  updated_at TIMESTAMP DEFAULT NOW() NOT NULL
);

-- Existing users keep their Notion integration.
INSERT INTO integrations (id, user_id, type, name, access_token)
SELECT 'notion-' || id, id, 'notion', 'Notion', notion_token FROM "user" WHERE notion_token IS NOT NULL;
