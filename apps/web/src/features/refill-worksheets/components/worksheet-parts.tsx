import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import classes from './worksheet.module.css';

/** One fact: its label, its value (with units), and whether it is a warning (red, and said in words too). */
export type WorksheetFact = readonly [label: string, value: string, tone?: 'warning' | null];

/** The sheet's own heading block: it prints, unlike the page header with its buttons. */
export function WorksheetHeader({ title, subtitle, about }: { title: string; subtitle: string; about: string }) {
  return (
    <header className={classes.header}>
      <h2 className={classes.title}>{title}</h2>
      <p className={classes.subtitle}>{subtitle}</p>
      <p className={classes.about}>{about}</p>
    </header>
  );
}

export function WorksheetSection({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className={classes.section} aria-labelledby={titleId}>
      <h3 className={classes.sectionTitle} id={titleId}>
        {title}
      </h3>
      {children}
    </section>
  );
}

export function WorksheetFacts({ facts }: { facts: readonly WorksheetFact[] }) {
  return (
    <dl className={classes.facts}>
      {facts.map(([label, value, tone]) => (
        <div key={label} className={tone === 'warning' ? `${classes.fact} ${classes.warning}` : classes.fact}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Lines to write on by hand, each with its unit: what is found and done at the pump. */
export function WriteInLines({ blanks }: { blanks: readonly (readonly [label: string, unit: string])[] }) {
  return (
    <ul className={classes.blanks}>
      {blanks.map(([label, unit]) => (
        <li key={label} className={classes.blank}>
          <span className={classes.blankLabel}>{label}</span>
          <span className={classes.line} aria-hidden />
          <span className={classes.unit}>{unit}</span>
          <VisuallyHidden>(to write in)</VisuallyHidden>
        </li>
      ))}
    </ul>
  );
}

export function SignatureLines({ labels }: { labels: readonly string[] }) {
  return (
    <ul className={classes.signatures}>
      {labels.map((label) => (
        <li key={label} className={classes.signature}>
          <span className={classes.blankLabel}>{label}</span>
          <span className={classes.line} aria-hidden />
          <VisuallyHidden>(to sign)</VisuallyHidden>
        </li>
      ))}
    </ul>
  );
}

export function WorksheetSkeleton({ label }: { label: string }) {
  return (
    <Stack role="status" aria-busy gap="sm" maw="210mm">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Skeleton height={28} width="60%" aria-hidden />
      <Skeleton height={14} width="40%" aria-hidden />
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} height={90} aria-hidden />
      ))}
    </Stack>
  );
}
