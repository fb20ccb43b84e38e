/** The red 连 mark with the app's name and, beneath it, which console this is. */
export function Brand({ name, subtitle, light }: { name: string; subtitle: string; light?: boolean }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
      <span aria-hidden style={{ width: 32, height: 32, borderRadius: '50%', background: '#c0392b', color: '#fff', display: 'grid', placeItems: 'center', fontWeight: 600, flex: 'none' }}>
        连
      </span>
      <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3, color: light ? '#fff' : 'inherit' }}>
        <span style={{ fontSize: 16, fontWeight: 600 }}>{name}</span>
        <span style={{ fontSize: 12, opacity: 0.7 }}>{subtitle}</span>
      </span>
    </div>
  );
}
