import { App, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useChecklists } from '../../api/campaigns';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCurrentUser } from '../auth/CurrentUser';
import { ChecklistItemCard } from './ChecklistItemCard';
import { draftProblems } from './draftBody';
import { emptyAnswer, type Draft } from './draftTypes';
import { sendDraft } from './sendDraft';
import { SentResult } from './SentResult';
import { SetupCard } from './SetupCard';
import { SubmitBar } from './SubmitBar';
import { useDraftEditor } from './useDraftEditor';
import { useDraftStore } from './useDrafts';

/** Answering one checklist; every change is kept in the draft at once. */
export function DraftEditor({ draft, onNew }: { draft: Draft; onNew: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useCurrentUser();
  const store = useDraftStore();
  const edit = useDraftEditor(draft.id);
  const checklists = useChecklists();
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  if (draft.state === 'sent') return <SentResult draft={draft} onNew={onNew} />;
  const checklist = checklists.data?.find((c) => c.id === draft.checklistId);
  const problems = draftProblems(draft, checklist);
  const items = checklist?.items ?? [];
  const answered = items.filter((i) => draft.answers[i.id]?.result).length;
  const failed = items.filter((i) => draft.answers[i.id]?.result === 'fail').length;
  const locked = draft.state === 'queued' || sending;
  const allPass = () => {
    const answers = { ...draft.answers };
    for (const item of items) if (!answers[item.id]?.result) answers[item.id] = { ...emptyAnswer(), result: 'pass' };
    edit.set({ answers });
  };
  const submit = async () => {
    setAttempted(true);
    if (draft.state === 'editing' && problems.length > 0) {
      void message.warning(t('inspect.fixProblems', { count: problems.length }));
      return;
    }
    setSending(true);
    try {
      await sendDraft(store, draft.id, user.id);
      void message.success(t('inspect.sent'));
    } catch (error) {
      const offline = !(error instanceof ApiError) || error.status === 0;
      void (offline ? message.warning(t('inspect.savedOffline')) : message.error(error.message));
    } finally {
      setSending(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      {checklists.isError && <ErrorAlert error={checklists.error} onRetry={() => void checklists.refetch()} />}
      <SetupCard draft={draft} checklists={checklists.data ?? []} disabled={locked} />
      {items.map((item) => (
        <ChecklistItemCard key={item.id} draft={draft} item={item} disabled={locked} problems={attempted ? problems.filter((p) => p.itemId === item.id) : []} />
      ))}
      {items.length > 0 && (
        <Input.TextArea
          disabled={locked}
          value={draft.note}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('inspect.note')}
          onChange={(e) => edit.set({ note: e.target.value })}
        />
      )}
      <SubmitBar draft={draft} answered={answered} total={items.length} failed={failed} sending={sending} onAllPass={allPass} onSubmit={() => void submit()} />
    </Flex>
  );
}
