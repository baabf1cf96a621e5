import { memo, useEffect, useMemo, useState, type ReactNode } from 'react'
import { formatCount } from '../../../shared/format'
import { formatNip } from '../../../shared/nip'
import type { PaktaBatch, PaktaForm, PaktaText } from '../../../shared/pakta'
import { chunks } from '../roster/chunks'
import { PartNav } from '../roster/PartNav'
import { Notice } from '../components/Notice'
import { QUIET_ZONE } from '../roster/qr-path'
import { usePreparedPages, type WithQr } from '../roster/useCardPages'
import { PrintOverlay } from './PrintOverlay'

/** One form per A4 page: the officer hands each person their own sheet. */
const FORMS_PER_PAGE = 1
const formText = (f: PaktaForm) => f.payload
/** What an empty roster field prints as: a line to write on, never a blank that looks forgotten. */
const DOTS = '........................................................'

/**
 * Forms in one print job: a large OPD (a few hundred) is one; everyone outstanding in the
 * region is printed in parts. 2,000 forms took 12 s to lay out and 73 s to print to PDF here.
 */
const MAX_FORMS_PER_PRINT = 500

/**
 * The pre-filled pakta forms over the whole window, printed through the print dialog (or saved
 * as PDF) like the QR cards: the same print rules hide everything but the A4 pages.
 */
export function PaktaSheet({
  title,
  batch,
  onClose,
}: {
  title: string
  batch: PaktaBatch
  onClose: () => void
}) {
  const parts = useMemo(() => chunks(batch.forms, MAX_FORMS_PER_PRINT), [batch.forms])
  const [part, setPart] = useState(0)
  const nav = (
    <PartNav
      part={part}
      parts={parts}
      size={MAX_FORMS_PER_PRINT}
      noun="formulir"
      testId="pakta-part"
      onPart={setPart}
    />
  )
  return (
    <PartSheet
      key={part}
      title={title}
      batch={batch}
      forms={parts[part] ?? []}
      nav={nav}
      onClose={onClose}
    />
  )
}

/** One print job: its pages as they are prepared, a few at a time. */
function PartSheet({
  title,
  batch,
  forms,
  nav,
  onClose,
}: {
  title: string
  batch: PaktaBatch
  forms: PaktaForm[]
  nav: ReactNode
  onClose: () => void
}) {
  const { pages, total } = usePreparedPages(forms, FORMS_PER_PAGE, formText)
  const ready = pages.length === total
  const tooLong = useTooLongForms(ready)
  return (
    <PrintOverlay
      label="Cetak formulir pakta"
      title={`Formulir pakta integritas: ${title}`}
      summary={`${formatCount(batch.forms.length)} formulir · ${formatCount(total)} halaman A4${
        ready
          ? ''
          : ` · menyiapkan halaman ${formatCount(pages.length)} dari ${formatCount(total)}…`
      }`}
      nav={
        <>
          {nav}
          {tooLong > 0 && (
            <Notice kind="error">
              {formatCount(tooLong)} formulir tidak muat di satu halaman A4 (teks pakta atau data
              pegawainya terlalu panjang): persingkat teks pakta acara ini sebelum mencetak.
            </Notice>
          )}
        </>
      }
      ready={ready}
      onClose={onClose}
    >
      {pages.map(([form]) => (
        <FormPage key={form!.formId} form={form!} batch={batch} />
      ))}
    </PrintOverlay>
  )
}

/** Room a printer cannot print on, at the bottom of the sheet: the form must end above it. */
const BOTTOM_CLEAR_MM = 10
const PX_PER_MM = 96 / 25.4

/**
 * How many forms run past their page once all are laid out: the text is the officer's to
 * edit (up to 30 points) and names and posts can be long, so a form that would be cut off by
 * the page is said before it is printed, never found on paper.
 */
function useTooLongForms(ready: boolean): number {
  const [count, setCount] = useState(0)
  useEffect(() => {
    if (!ready) return
    // Measured once the last pages are painted.
    const frame = requestAnimationFrame(() => {
      const pages = [...document.querySelectorAll<HTMLElement>('[data-testid="pakta-form"]')]
      const over = pages.filter((page) => {
        const limit = page.getBoundingClientRect().bottom - BOTTOM_CLEAR_MM * PX_PER_MM
        return [...page.children].some((c) => c.getBoundingClientRect().bottom > limit)
      })
      setCount(over.length)
    })
    return () => cancelAnimationFrame(frame)
  }, [ready])
  return count
}

/** One person's form; memoised so that preparing page 200 does not redraw pages 1 to 199. */
const FormPage = memo(function FormPage({
  form,
  batch,
}: {
  form: WithQr<PaktaForm>
  batch: PaktaBatch
}) {
  const side = form.qr.size + 2 * QUIET_ZONE
  return (
    <section
      className="cards-page pakta-page"
      data-testid="pakta-form"
      data-nip={form.nip}
      data-form={form.formId}
    >
      <div className="pakta-qr">
        <svg
          viewBox={`0 0 ${side} ${side}`}
          shapeRendering="crispEdges"
          role="img"
          aria-label={`QR formulir ${form.formId}`}
        >
          <rect width={side} height={side} fill="#fff" />
          <path d={form.qr.d} transform={`translate(${QUIET_ZONE} ${QUIET_ZONE})`} fill="#000" />
        </svg>
        <span>Formulir no. {form.formId}</span>
      </div>
      <header className="pakta-heading">
        <h1>{batch.text.heading}</h1>
        {batch.text.subheading && <p>{batch.text.subheading}</p>}
      </header>
      <Body text={batch.text} form={form} />
      <Signature form={form} batch={batch} />
    </section>
  )
})

function Body({ text, form }: { text: PaktaText; form: PaktaForm }) {
  const rows: [string, string][] = [
    ['Nama', form.name],
    ['NIP', formatNip(form.nip)],
    ['Pangkat/Golongan', form.pangkat],
    ['Jabatan', form.jabatan],
    ['Unit Kerja', form.opdName],
  ]
  return (
    <>
      <p>{text.opening}</p>
      <table className="pakta-identity">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>:</td>
              <td>{value.trim() || DOTS}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{text.statement}</p>
      <ol className="pakta-points">
        {text.points.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ol>
      <p>{text.sanction}</p>
      <p>{text.closing}</p>
    </>
  )
}

function Signature({ form, batch }: { form: PaktaForm; batch: PaktaBatch }) {
  return (
    <div className="pakta-sign">
      <p>
        {batch.place.trim() || '....................'}, {batch.date}
      </p>
      <p>Yang membuat pernyataan,</p>
      <div className="pakta-sign-space">
        {batch.meterai && <span className="pakta-meterai">Meterai</span>}
      </div>
      <p className="pakta-sign-name">{form.name}</p>
      <p>NIP. {formatNip(form.nip)}</p>
    </div>
  )
}
