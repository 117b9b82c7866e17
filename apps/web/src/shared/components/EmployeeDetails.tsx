import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Employee } from '@kompeten/shared-contracts';
import { parseNip, rankLabel } from '@kompeten/shared-util';
import { formatDate } from '../format';
import { DetailList, Field } from './DetailList';
import classes from './EmployeeDetails.module.css';

/** Read-only view of an employee record (profile page and admin detail page). */
export function EmployeeDetails({ employee }: { employee: Employee }) {
  const { t, i18n } = useTranslation();
  const { t: te } = useTranslation('employee');
  const none = t('none');
  // Birth date and sex come from the NIP when it parses; the record's own fields are the fallback.
  const parsed = parseNip(employee.nip, employee.employeeType);
  const birthDate = parsed.ok ? parsed.value.birthDate : employee.birthDate;
  const gender = parsed.ok ? parsed.value.gender : employee.gender;

  return (
    <DetailList>
      <Field label={te('nip')}>
        <span className={classes.mono}>{employee.nip}</span>
      </Field>
      <Field label={te('type')}>
        <Badge variant="light" color={employee.employeeType === 'PNS' ? 'kompeten' : 'indigo'}>
          {t(`employeeType.${employee.employeeType}`)}
        </Badge>
      </Field>
      <Field label={te('name')}>{employee.displayName}</Field>
      <Field label={te('position')}>
        {employee.positionName ?? none}
        {employee.positionKind && (
          <Text component="span" size="sm" c="dimmed">
            {' '}
            ({t(`positionKind.${employee.positionKind}`)})
          </Text>
        )}
      </Field>
      <Field label={te('rank')}>{rankLabel(employee.rank) ?? none}</Field>
      <Field label={te('agency')}>{employee.agencyName}</Field>
      <Field label={te('unit')}>{employee.unitName ?? none}</Field>
      <Field label={te('supervisor')}>{employee.supervisorName ?? none}</Field>
      <Field label={te('email')}>{employee.email ?? none}</Field>
      <Field label={te('phone')}>{employee.phone ?? none}</Field>
      <Field label={`${te('birthDate')} (${te('fromNip')})`}>{formatDate(birthDate, i18n.language)}</Field>
      <Field label={`${te('gender')} (${te('fromNip')})`}>{t(`gender.${gender}`)}</Field>
      <Field label={te('status')}>{employee.active ? te('active') : te('inactive')}</Field>
    </DetailList>
  );
}
