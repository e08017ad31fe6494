// Migration 6: which font a letter's PDF embeds for its body text (the system's 仿宋 or the shipped serif), kept
// with the archived file so that the archive says what was sent. Empty for files written before it and for DOCX.
export default {
  version: 6,
  name: 'letter-file-fonts',
  sql: /* sql */ `
    ALTER TABLE letter_files ADD COLUMN font TEXT NOT NULL DEFAULT '';
  `,
};
