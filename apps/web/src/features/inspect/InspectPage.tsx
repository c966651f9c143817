import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { StatusResult } from '../../components/StatusResult';
import { useCurrentUser } from '../auth/CurrentUser';
import { DraftEditor } from './DraftEditor';
import { DraftList } from './DraftList';
import { DraftStore } from './draftStore';
import { useAutoSend } from './useAutoSend';
import { DraftStoreContext, useDraft } from './useDrafts';

/**
 * 现场检查 (phone): pick a campaign and subject, answer the checklist, take photos, record GPS, mark
 * general failures fixed on the spot, submit. Drafts stay on the phone until the server has them.
 */
export function InspectPage() {
  const { user } = useCurrentUser();
  const store = useMemo(() => {
    const drafts = new DraftStore(user.id);
    drafts.prune(7);
    return drafts;
  }, [user.id]);
  useAutoSend(store, user.id);
  return (
    <DraftStoreContext value={store}>
      <InspectRoutes store={store} />
    </DraftStoreContext>
  );
}

function InspectRoutes({ store }: { store: DraftStore }) {
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  const draft = useDraft(draftId ?? '');
  const open = (id: string) => setParams({ draft: id });
  const startNew = () => open(store.create().id);
  if (!draftId) return <DraftList onOpen={open} onNew={startNew} />;
  if (!draft) return <StatusResult kind="notFound" />;
  return <DraftEditor key={draft.id} draft={draft} onNew={startNew} />;
}
