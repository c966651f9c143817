import type { HazardAction, HazardDetail } from '@anlan/contracts';
import { IssueNoticeForm } from './IssueNoticeForm';
import { OpenCaseForm } from './OpenCaseForm';
import { TransitionForm } from './TransitionForm';

/** The form of one action. */
export function ActionForm({ action, hazard, onDone }: { action: HazardAction; hazard: HazardDetail; onDone: () => void }) {
  switch (action) {
    case 'issue_notice':
      return <IssueNoticeForm hazard={hazard} onDone={onDone} />;
    case 'open_case':
      return <OpenCaseForm hazard={hazard} onDone={onDone} />;
    case 'edit_plan':
      return null; // PlanCard
    default:
      return <TransitionForm action={action} hazard={hazard} onDone={onDone} />;
  }
}
