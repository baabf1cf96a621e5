export function Notice({
  kind,
  children,
}: {
  kind: 'error' | 'ok' | 'info'
  children: React.ReactNode
}) {
  if (!children) return null
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}
