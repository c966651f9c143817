import type { Checklist } from '@anlan/contracts';
import { Card, Checkbox, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DraftProblem } from './draftBody';
import { emptyAnswer, type AnswerResult, type Draft } from './draftTypes';
import { PhotoCapture } from './PhotoCapture';
import { useDraftEditor } from './useDraftEditor';

type Item = Checklist['items'][number];

const resultColour: Record<AnswerResult, string> = { pass: '#52c41a', fail: '#d9363e', na: '#8c8c8c' };

/** One checklist item on a phone: 合格 / 不合格 / 不适用; a failure asks for its note and photos. */
export function ChecklistItemCard({ draft, item, problems, disabled }: { draft: Draft; item: Item; problems: DraftProblem[]; disabled: boolean }) {
  const { t } = useTranslation();
  const edit = useDraftEditor(draft.id);
  const answer = draft.answers[item.id] ?? emptyAnswer();
  const failed = answer.result === 'fail';
  const border = answer.result ? resultColour[answer.result] : '#e5e8ee';
  return (
    <Card size="small" style={{ borderLeft: `4px solid ${border}` }} data-testid={`item-${item.seq}`}>
      <Flex vertical gap={10}>
        <div>
          <Typography.Text type="secondary">{item.seq}. [{item.category}] </Typography.Text>
          <Typography.Text strong>{item.text}</Typography.Text>
          {item.major && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('inspect.majorItem')}</Tag>}
          {item.clause && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.clause}</Typography.Text></div>}
        </div>
        <Segmented<AnswerResult>
          block
          size="large"
          disabled={disabled}
          value={answer.result ?? ('' as AnswerResult)}
          options={(['pass', 'fail', 'na'] as const).map((r) => ({ value: r, label: t(`inspect.result.${r}`) }))}
          onChange={(result) => edit.setAnswer(item.id, { result })}
        />
        {failed && (
          <>
            <Input.TextArea
              disabled={disabled}
              value={answer.note}
              maxLength={1000}
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={item.requiresNoteOnFail ? t('inspect.noteRequired') : t('inspect.noteOptional')}
              onChange={(e) => edit.setAnswer(item.id, { note: e.target.value })}
            />
            <PhotoCapture draftId={draft.id} itemId={item.id} slot="photos" photos={answer.photos} disabled={disabled} label={item.requiresPhotoOnFail ? t('inspect.takePhotoRequired') : t('inspect.takePhoto')} />
            {!item.major && (
              <Checkbox disabled={disabled} checked={answer.fixedOnSpot === true} onChange={(e) => edit.setAnswer(item.id, { fixedOnSpot: e.target.checked })}>
                {t('inspect.fixedOnSpot')}
              </Checkbox>
            )}
            {answer.fixedOnSpot && !item.major && (
              <PhotoCapture draftId={draft.id} itemId={item.id} slot="afterPhotos" photos={answer.afterPhotos} disabled={disabled} label={t('inspect.takeAfterPhoto')} />
            )}
          </>
        )}
        {problems.map((p) => (
          <Typography.Text key={p.problem} type="danger" style={{ fontSize: 12 }}>
            {t(`inspect.problem.${p.problem}`)}
          </Typography.Text>
        ))}
      </Flex>
    </Card>
  );
}
