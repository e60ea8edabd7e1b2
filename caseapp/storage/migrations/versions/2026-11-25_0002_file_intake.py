"""File intake: blobs of originals and derivatives, acquisitions, import jobs, full-text search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 09:48:52.549247
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


FULL_TEXT = (
    "CREATE VIRTUAL TABLE exhibit_text USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('import_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.String(length=27), nullable=False),
    sa.Column('finished_at', sa.String(length=27), nullable=True),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('paths_json', sa.Text(), nullable=False),
    sa.Column('summary_json', sa.Text(), nullable=False),
    sa.Column('problems_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_jobs'))
    )
    op.create_table('acquisitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exhibit_id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=True),
    sa.Column('seen_at', sa.String(length=27), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('original_path', sa.Text(), nullable=False),
    sa.Column('relative_path', sa.Text(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('mtime_ns', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['exhibit_id'], ['exhibits.id'], name=op.f('fk_acquisitions_exhibit_id_exhibits')),
    sa.ForeignKeyConstraint(['job_id'], ['import_jobs.id'], name=op.f('fk_acquisitions_job_id_import_jobs')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_acquisitions_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acquisitions'))
    )
    with op.batch_alter_table('acquisitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acquisitions_exhibit_id'), ['exhibit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_acquisitions_job_id'), ['job_id'], unique=False)
        batch_op.create_index('ix_acquisitions_resume', ['original_path', 'size', 'mtime_ns'], unique=False)

    op.create_table('derivatives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exhibit_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('blob', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=27), nullable=False),
    sa.ForeignKeyConstraint(['exhibit_id'], ['exhibits.id'], name=op.f('fk_derivatives_exhibit_id_exhibits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_derivatives')),
    sa.UniqueConstraint('blob', name=op.f('uq_derivatives_blob'))
    )
    with op.batch_alter_table('derivatives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_derivatives_exhibit_id'), ['exhibit_id'], unique=False)

    with op.batch_alter_table('exhibits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('blob', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('mime', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('relative_path', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('file_modified', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('file_changed', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('imported_by', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('acquisition_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('captured', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('latitude', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('longitude', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('metadata_json', sa.Text(), nullable=True))
        batch_op.create_index('ux_exhibits_blob', ['blob'], unique=True)
    op.execute(FULL_TEXT)


def downgrade() -> None:
    op.execute('DROP TABLE exhibit_text')

    with op.batch_alter_table('exhibits', schema=None) as batch_op:
        batch_op.drop_index('ux_exhibits_blob')
        batch_op.drop_column('metadata_json')
        batch_op.drop_column('longitude')
        batch_op.drop_column('latitude')
        batch_op.drop_column('captured')
        batch_op.drop_column('acquisition_note')
        batch_op.drop_column('imported_by')
        batch_op.drop_column('file_changed')
        batch_op.drop_column('file_modified')
        batch_op.drop_column('relative_path')
        batch_op.drop_column('mime')
        batch_op.drop_column('blob')

    with op.batch_alter_table('derivatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_derivatives_exhibit_id'))

    op.drop_table('derivatives')
    with op.batch_alter_table('acquisitions', schema=None) as batch_op:
        batch_op.drop_index('ix_acquisitions_resume')
        batch_op.drop_index(batch_op.f('ix_acquisitions_job_id'))
        batch_op.drop_index(batch_op.f('ix_acquisitions_exhibit_id'))

    op.drop_table('acquisitions')
    op.drop_table('import_jobs')

