import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { DataProvider } from './data/query'
import { PresenterScreen } from './ikrar/PresenterScreen'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DataProvider>
      {/* The projector window loads the same page with this hash (presenter-window.ts). */}
      {location.hash === '#presenter' ? <PresenterScreen /> : <App />}
    </DataProvider>
  </StrictMode>,
)
