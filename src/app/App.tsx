export function App() {
  return (
    <main>
      <h1>distlab</h1>
      <p>A lab in the browser for the mechanisms of distributed systems.</p>
    </main>
  );
}
