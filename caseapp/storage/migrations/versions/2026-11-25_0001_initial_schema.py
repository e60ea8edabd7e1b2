"""Initial schema: case, persons, incidents, sources, exhibits, tags, notes, links, custody.

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 09:35:21.635342
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


APPEND_ONLY = (
    "CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody "
    "BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END",
    "CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody "
    "BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END",
)

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('case_info',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=27), nullable=False),
    sa.Column('created_by', sa.Text(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_case_info_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_info'))
    )
    op.create_table('case_secrets',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_case_secrets'))
    )
    op.create_table('custody',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=27), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=32), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_custody'))
    )
    with op.batch_alter_table('custody', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custody_target'), ['target'], unique=False)

    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('time_start', sa.String(length=27), nullable=True),
    sa.Column('time_end', sa.String(length=27), nullable=True),
    sa.Column('time_precision', sa.String(length=16), nullable=False),
    sa.Column('place_name', sa.Text(), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('place_precision', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.String(length=27), nullable=False),
    sa.Column('deleted_at', sa.String(length=27), nullable=True),
    sa.Column('deleted_by', sa.Text(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents'))
    )
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pseudonym', sa.String(length=16), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('protection', sa.String(length=16), nullable=False),
    sa.Column('full_name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=27), nullable=False),
    sa.Column('deleted_at', sa.String(length=27), nullable=True),
    sa.Column('deleted_by', sa.Text(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('pseudonym', name=op.f('uq_persons_pseudonym'))
    )
    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('reliability', sa.String(length=1), nullable=False),
    sa.Column('credibility', sa.String(length=1), nullable=False),
    sa.Column('created_at', sa.String(length=27), nullable=False),
    sa.Column('deleted_at', sa.String(length=27), nullable=True),
    sa.Column('deleted_by', sa.Text(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources'))
    )
    op.create_table('tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('name', name=op.f('uq_tags_name'))
    )
    op.create_table('exhibits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('sensitivity', sa.String(length=24), nullable=False),
    sa.Column('acquired_at', sa.String(length=27), nullable=True),
    sa.Column('created_at', sa.String(length=27), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('original_name', sa.Text(), nullable=True),
    sa.Column('deleted_at', sa.String(length=27), nullable=True),
    sa.Column('deleted_by', sa.Text(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_exhibits_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exhibits'))
    )
    with op.batch_alter_table('exhibits', schema=None) as batch_op:
        batch_op.create_index('ix_exhibits_acquired', ['acquired_at'], unique=False)
        batch_op.create_index('ix_exhibits_kind_acquired', ['kind', 'acquired_at'], unique=False)
        batch_op.create_index('ix_exhibits_sha256', ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_exhibits_source_id'), ['source_id'], unique=False)
        batch_op.create_index('ix_exhibits_title', ['title'], unique=False)

    op.create_table('links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exhibit_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.Column('reasoning', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=27), nullable=False),
    sa.Column('deleted_at', sa.String(length=27), nullable=True),
    sa.Column('deleted_by', sa.Text(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.CheckConstraint('(person_id IS NOT NULL) + (incident_id IS NOT NULL) = 1', name=op.f('ck_links_one_target')),
    sa.ForeignKeyConstraint(['exhibit_id'], ['exhibits.id'], name=op.f('fk_links_exhibit_id_exhibits')),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_links_incident_id_incidents')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_links_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_links'))
    )
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_links_exhibit_id'), ['exhibit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_links_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_links_person_id'), ['person_id'], unique=False)

    op.create_table('notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exhibit_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=27), nullable=False),
    sa.Column('deleted_at', sa.String(length=27), nullable=True),
    sa.Column('deleted_by', sa.Text(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.CheckConstraint('(exhibit_id IS NOT NULL) + (person_id IS NOT NULL) + (incident_id IS NOT NULL) + (source_id IS NOT NULL) <= 1', name=op.f('ck_notes_at_most_one_target')),
    sa.ForeignKeyConstraint(['exhibit_id'], ['exhibits.id'], name=op.f('fk_notes_exhibit_id_exhibits')),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_notes_incident_id_incidents')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_notes_person_id_persons')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_notes_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_exhibit_id'), ['exhibit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notes_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notes_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notes_source_id'), ['source_id'], unique=False)

    op.create_table('taggings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.Column('exhibit_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(exhibit_id IS NOT NULL) + (person_id IS NOT NULL) + (incident_id IS NOT NULL) + (source_id IS NOT NULL) = 1', name=op.f('ck_taggings_one_target')),
    sa.ForeignKeyConstraint(['exhibit_id'], ['exhibits.id'], name=op.f('fk_taggings_exhibit_id_exhibits')),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_taggings_incident_id_incidents')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_taggings_person_id_persons')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_taggings_source_id_sources')),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_taggings_tag_id_tags')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_taggings'))
    )
    with op.batch_alter_table('taggings', schema=None) as batch_op:
        batch_op.create_index('ix_taggings_exhibit', ['exhibit_id'], unique=False)
        batch_op.create_index('ux_taggings_target', ['tag_id', 'exhibit_id', 'person_id', 'incident_id', 'source_id'], unique=True)

    for statement in APPEND_ONLY:
        op.execute(statement)


def downgrade() -> None:
    op.execute('DROP TRIGGER custody_no_update')
    op.execute('DROP TRIGGER custody_no_delete')

    
    with op.batch_alter_table('taggings', schema=None) as batch_op:
        batch_op.drop_index('ux_taggings_target')
        batch_op.drop_index('ix_taggings_exhibit')

    op.drop_table('taggings')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notes_source_id'))
        batch_op.drop_index(batch_op.f('ix_notes_person_id'))
        batch_op.drop_index(batch_op.f('ix_notes_incident_id'))
        batch_op.drop_index(batch_op.f('ix_notes_exhibit_id'))

    op.drop_table('notes')
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_links_person_id'))
        batch_op.drop_index(batch_op.f('ix_links_incident_id'))
        batch_op.drop_index(batch_op.f('ix_links_exhibit_id'))

    op.drop_table('links')
    with op.batch_alter_table('exhibits', schema=None) as batch_op:
        batch_op.drop_index('ix_exhibits_title')
        batch_op.drop_index(batch_op.f('ix_exhibits_source_id'))
        batch_op.drop_index('ix_exhibits_sha256')
        batch_op.drop_index('ix_exhibits_kind_acquired')
        batch_op.drop_index('ix_exhibits_acquired')

    op.drop_table('exhibits')
    op.drop_table('tags')
    op.drop_table('sources')
    op.drop_table('persons')
    op.drop_table('incidents')
    with op.batch_alter_table('custody', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custody_target'))

    op.drop_table('custody')
    op.drop_table('case_secrets')
    op.drop_table('case_info')
    
