import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

describe('migration 0005: monitoring', () => {
  it('takes a version-2 database with a measure to version 5 and the new tables hold their rules', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 2)).toEqual([1, 2]);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES ('p1', 'Programma', '2024-08-01', '2028-07-31', 'lopend', ?, ?)").run(now, now);
    db.prepare("INSERT INTO measure (id, programme_id, code, name, status, created_at, updated_at) VALUES ('m1', 'p1', '2a', 'Instroomloket', 'lopend', ?, ?)").run(now, now);
    db.prepare("INSERT INTO organisation (id, name, type, created_at, updated_at) VALUES ('o1', 'ROC Voorbeeld', 'mbo', ?, ?)").run(now, now);

    expect(migrate(db, 5)).toContain(5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);

    db.prepare("INSERT INTO question_set (id, programme_id, version, created_at, updated_at) VALUES ('s1', 'p1', 0, ?, ?)").run(now, now);
    db.prepare("INSERT INTO question (id, set_id, question_text, position, facts, created_at, updated_at) VALUES ('q1', 's1', 'Wat loopt goed?', 1, NULL, ?, ?)").run(now, now);
    db.prepare("INSERT INTO question_set_version (id, set_id, version, questions, created_at, updated_at) VALUES ('v0', 's1', 0, '[]', ?, ?)").run(now, now);
    db.prepare("INSERT INTO monitoring_round (id, programme_id, name, start_date, created_at, updated_at) VALUES ('r1', 'p1', 'Juni 2026', '2026-06-18', ?, ?)").run(now, now);
    db.prepare("INSERT INTO monitoring_interview (id, round_id, measure_id, partner_id, title, created_at, updated_at) VALUES ('i1', 'r1', 'm1', 'o1', '2a Instroomloket — ROC Voorbeeld', ?, ?)").run(now, now);
    db.prepare("INSERT INTO monitoring_attendee (id, interview_id, name, created_at, updated_at) VALUES ('at1', 'i1', 'Gast', ?, ?)").run(now, now);
    db.prepare("INSERT INTO monitoring_answer (id, interview_id, question_id, question_text, question_version, position, answer, created_at, updated_at) VALUES ('an1', 'i1', 'q1', 'Wat loopt goed?', 1, 1, 'Veel', ?, ?)").run(now, now);
    db.prepare("INSERT INTO monitoring_action (id, round_id, measure_id, text, owner_organisation_id, created_at, updated_at) VALUES ('a1', 'r1', 'm1', 'Overleg plannen', 'o1', ?, ?)").run(now, now);
    expect(db.prepare("SELECT status FROM monitoring_interview WHERE id = 'i1'").get()).toEqual({ status: 'concept' });
    expect(db.prepare("SELECT status FROM monitoring_action WHERE id = 'a1'").get()).toEqual({ status: 'open' });

    // Refused: an action without owner, an empty action, an unknown status, a second set for a programme,
    // a second answer to the same question, a round ending before it starts, a dangling measure, bad facts JSON.
    const ins = (sql: string) => () => db.prepare(sql).run(now, now);
    expect(ins("INSERT INTO monitoring_action (id, round_id, measure_id, text, created_at, updated_at) VALUES ('a2', 'r1', 'm1', 'Zonder eigenaar', ?, ?)")).toThrow(/CHECK/);
    expect(ins("INSERT INTO monitoring_action (id, round_id, measure_id, text, owner_name, created_at, updated_at) VALUES ('a3', 'r1', 'm1', '  ', 'X', ?, ?)")).toThrow(/CHECK/);
    expect(ins("INSERT INTO monitoring_action (id, round_id, measure_id, text, owner_name, status, created_at, updated_at) VALUES ('a4', 'r1', 'm1', 'T', 'X', 'klaar', ?, ?)")).toThrow(/CHECK/);
    expect(ins("INSERT INTO question_set (id, programme_id, created_at, updated_at) VALUES ('s2', 'p1', ?, ?)")).toThrow(/UNIQUE/);
    expect(ins("INSERT INTO monitoring_answer (id, interview_id, question_id, question_text, question_version, position, created_at, updated_at) VALUES ('an2', 'i1', 'q1', 'x', 1, 1, ?, ?)")).toThrow(/UNIQUE/);
    expect(ins("INSERT INTO monitoring_round (id, programme_id, name, start_date, end_date, created_at, updated_at) VALUES ('r2', 'p1', 'X', '2026-06-18', '2026-06-01', ?, ?)")).toThrow(/CHECK/);
    expect(ins("INSERT INTO monitoring_interview (id, round_id, measure_id, created_at, updated_at) VALUES ('i2', 'r1', 'nope', ?, ?)")).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE monitoring_interview SET facts_snapshot = 'niet json' WHERE id = 'i1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
